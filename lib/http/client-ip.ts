import { isIP, type BlockList } from "node:net";
import { env } from "../env";
import { isTrustedProxy, normalizeIp, parseProxyList } from "./proxy-list";

/** The header server.mjs sets from the TCP connection (any value a client sends is replaced). */
export const CLIENT_IP_HEADER = "x-hearth-client-ip";

interface HeaderBag {
  get(name: string): string | null;
}

let configured: { list: string; blocks: BlockList } | undefined;

/** The trusted proxies configured by TRUSTED_PROXIES (parsed once). */
function trustedProxies(): BlockList {
  const list = env().TRUSTED_PROXIES;
  if (configured?.list !== list) configured = { list, blocks: parseProxyList(list) as BlockList };
  return configured.blocks;
}

/**
 * The client's IP address.
 *
 * Without "trust proxy" (a site setting), the address of the TCP connection, as recorded by our
 * own server: nothing a client sends is believed. With it, the connection and the
 * `X-Forwarded-For` chain are read from the right: each trusted proxy (TRUSTED_PROXIES) appends
 * the address it received the request from, so the first address that is not a trusted proxy
 * is the client. Anything to the left of it was written by the client and is ignored; a
 * connection that does not come from a trusted proxy is the client itself, whatever it claims.
 */
export function clientIp(headers: HeaderBag, trustProxy: boolean, proxies: BlockList = trustedProxies()): string {
  const peer = normalizeIp(headers.get(CLIENT_IP_HEADER) ?? "").slice(0, 64) || "unknown";
  if (!trustProxy || !isTrustedProxy(proxies, peer)) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => normalizeIp(hop))
    .filter((hop) => hop.length > 0);
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i] as string;
    // A hop that is not an address at all was not written by a proxy of ours: stop before it.
    if (isIP(hop) === 0) break;
    client = hop;
    if (!isTrustedProxy(proxies, hop)) break;
  }
  return client;
}
