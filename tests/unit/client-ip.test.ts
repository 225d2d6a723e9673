import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIp } from "@/lib/http/client-ip";
import { DEFAULT_TRUSTED_PROXIES, isTrustedProxy, normalizeIp, parseProxyList } from "@/lib/http/proxy-list";

const proxies = parseProxyList("127.0.0.0/8, ::1, 10.0.0.0/8, 2001:db8::/32")!;
const request = (peer: string, forwarded?: string) => {
  const h: Record<string, string> = { [CLIENT_IP_HEADER]: peer };
  if (forwarded !== undefined) h["x-forwarded-for"] = forwarded;
  return { get: (name: string) => h[name] ?? null };
};

describe("clientIp", () => {
  it("is the connection's address when the site does not trust a proxy, whatever the client claims", () => {
    expect(clientIp(request("203.0.113.9", "198.51.100.1"), false, proxies)).toBe("203.0.113.9");
    expect(clientIp(request("127.0.0.1", "198.51.100.1"), false, proxies)).toBe("127.0.0.1");
  });

  it("takes the right-most address that is not a trusted proxy, never the client-chosen left-most one", () => {
    // The client sent "X-Forwarded-For: 1.1.1.1"; our proxy appended the address it saw.
    expect(clientIp(request("127.0.0.1", "1.1.1.1, 203.0.113.7"), true, proxies)).toBe("203.0.113.7");
    // Two proxies of ours (10.0.0.5 in front of the loopback one).
    expect(clientIp(request("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.5"), true, proxies)).toBe("203.0.113.7");
    expect(clientIp(request("10.1.2.3", "203.0.113.7"), true, proxies)).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For from a connection that is not a trusted proxy", () => {
    expect(clientIp(request("198.51.100.20", "1.1.1.1"), true, proxies)).toBe("198.51.100.20");
  });

  it("stops at a hop that is not an address (only a client writes such a thing)", () => {
    expect(clientIp(request("127.0.0.1", "evil, 10.0.0.5"), true, proxies)).toBe("10.0.0.5");
    expect(clientIp(request("127.0.0.1", "203.0.113.7, <script>"), true, proxies)).toBe("127.0.0.1");
    expect(clientIp(request("127.0.0.1", "1.2.3.4.5"), true, proxies)).toBe("127.0.0.1");
  });

  it("is the left-most hop when every hop is a trusted proxy, and the proxy itself without the header", () => {
    expect(clientIp(request("127.0.0.1", "10.0.0.9, 10.0.0.5"), true, proxies)).toBe("10.0.0.9");
    expect(clientIp(request("127.0.0.1"), true, proxies)).toBe("127.0.0.1");
    expect(clientIp(request("127.0.0.1", " , "), true, proxies)).toBe("127.0.0.1");
  });

  it("understands IPv6 and IPv4-mapped addresses", () => {
    expect(clientIp(request("::ffff:127.0.0.1", "2001:db8::1, 2a00:1450::5"), true, proxies)).toBe("2a00:1450::5");
    expect(clientIp(request("::1", "[2a00:1450::5]"), true, proxies)).toBe("2a00:1450::5");
    expect(clientIp(request("::ffff:203.0.113.1", "1.1.1.1"), true, proxies)).toBe("203.0.113.1");
  });

  it("says unknown when the server recorded no address", () => {
    expect(clientIp({ get: () => null }, true, proxies)).toBe("unknown");
  });
});

describe("trusted proxy lists", () => {
  it("parses addresses and CIDR ranges, IPv4 and IPv6", () => {
    const list = parseProxyList(DEFAULT_TRUSTED_PROXIES)!;
    expect(isTrustedProxy(list, "127.0.0.1")).toBe(true);
    expect(isTrustedProxy(list, "127.8.9.10")).toBe(true);
    expect(isTrustedProxy(list, "::1")).toBe(true);
    expect(isTrustedProxy(list, "::ffff:127.0.0.1")).toBe(true);
    expect(isTrustedProxy(list, "10.0.0.1")).toBe(false);
    expect(isTrustedProxy(list, "not an address")).toBe(false);
    const single = parseProxyList("192.0.2.10")!;
    expect(isTrustedProxy(single, "192.0.2.10")).toBe(true);
    expect(isTrustedProxy(single, "192.0.2.11")).toBe(false);
  });

  it("refuses entries that are not addresses or ranges", () => {
    for (const bad of ["localhost", "10.0.0.0/33", "::1/129", "10.0.0.0/8/1", "10.0.0.0/x", "1.2.3"]) {
      expect(parseProxyList(bad), bad).toBeNull();
    }
    expect(parseProxyList("")).not.toBeNull();
  });

  it("normalizes what sockets and headers report", () => {
    expect(normalizeIp(" ::FFFF:10.0.0.1 ")).toBe("10.0.0.1");
    expect(normalizeIp("[2001:DB8::1]")).toBe("2001:db8::1");
  });
});
