/** The header server.mjs sets from the TCP connection (any value a client sends is replaced). */
export const CLIENT_IP_HEADER = "x-hearth-client-ip";

interface HeaderBag {
  get(name: string): string | null;
}

/**
 * The client's IP address. `X-Forwarded-For` is only believed when the site says it runs
 * behind a trusted proxy (setting "trust proxy"); then the left-most address is the client.
 * Otherwise the address of the connection, as recorded by our own server.
 */
export function clientIp(headers: HeaderBag, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return headers.get(CLIENT_IP_HEADER)?.trim().slice(0, 64) || "unknown";
}
