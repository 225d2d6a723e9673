import "server-only";
import { createHash } from "node:crypto";
import { headers } from "next/headers";
import { authSecret } from "../env";
import { getSettings } from "../settings/queries";
import { clientIp } from "./client-ip";

/** The address of the client of the current request (see clientIp for whom to believe). */
export async function requestIp(): Promise<string> {
  const [h, settings] = await Promise.all([headers(), getSettings()]);
  return clientIp(h, settings.trustProxy);
}

/** A keyed hash of an address: what rate-limit keys and moderators see instead of the address. */
export function ipHashOf(ip: string): string {
  return createHash("sha256").update(`${authSecret()}:${ip}`).digest("hex").slice(0, 32);
}
