import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { authSecret } from "../env";
import { getSettings } from "../settings/queries";
import type { SiteSettings } from "../settings/defaults";
import { clientIp } from "./client-ip";

/**
 * The address of the client of the current request (see clientIp for whom to believe). A caller
 * that has read the settings already passes them (one database read fewer on a write).
 */
export async function requestIp(settings?: Pick<SiteSettings, "trustProxy">): Promise<string> {
  const [h, { trustProxy }] = await Promise.all([headers(), settings ?? getSettings()]);
  return clientIp(h, trustProxy);
}

/** A keyed hash of an address: what rate-limit keys and moderators see instead of the address. */
export function ipHashOf(ip: string): string {
  return createHash("sha256").update(`${authSecret()}:${ip}`).digest("hex").slice(0, 32);
}
