import { BlockList, isIP } from "node:net";

/** Proxies on the same machine: what "trust X-Forwarded-For" believes unless told otherwise. */
export const DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8, ::1";

/** An address as the socket reports it, with IPv4-mapped IPv6 (`::ffff:10.0.0.1`) unwrapped. */
export function normalizeIp(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? (mapped[1] as string) : trimmed.toLowerCase();
}

/**
 * The trusted proxies of `TRUSTED_PROXIES` ("127.0.0.0/8, ::1, 10.0.0.0/8"): addresses and
 * CIDR ranges, IPv4 or IPv6, matched with Node's own BlockList. Null when an entry is not one.
 */
export function parseProxyList(list: string): BlockList | null {
  const blocks = new BlockList();
  for (const raw of list.split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = "", prefix, ...rest] = entry.split("/");
    const ip = normalizeIp(address);
    const family = isIP(ip);
    if (family === 0 || rest.length > 0) return null;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      blocks.addAddress(ip, type);
      continue;
    }
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128)) return null;
    blocks.addSubnet(ip, Number(prefix), type);
  }
  return blocks;
}

/** Whether `address` is one of the trusted proxies. */
export function isTrustedProxy(blocks: BlockList, address: string): boolean {
  const ip = normalizeIp(address);
  const family = isIP(ip);
  return family !== 0 && blocks.check(ip, family === 4 ? "ipv4" : "ipv6");
}
