import "server-only";
import { headers } from "next/headers";
import { siteUrl } from "../config/site";
import { pathFromSameOrigin, safeCallbackPath } from "./callback-url";

/**
 * Where to return after signing in: the `callbackUrl` query parameter when it is a same-site
 * path, else the page the visitor came from (Referer, same origin only), else home. Cached
 * pages link to /signin without parameters, so the Referer carries the reader's place.
 */
export async function resolveCallbackUrl(raw: string | string[] | undefined): Promise<string> {
  const given = Array.isArray(raw) ? raw[0] : raw;
  if (given) return safeCallbackPath(given);
  const h = await headers();
  const host = h.get("host");
  const origins = [siteUrl(), host ? `http://${host}` : null, host ? `https://${host}` : null].filter((o): o is string =>
    Boolean(o),
  );
  for (const origin of origins) {
    const path = pathFromSameOrigin(h.get("referer"), origin);
    if (path) return path;
  }
  return "/";
}

/** Messages for the error codes Auth.js puts in the URL (?error=…). */
export function authErrorMessage(code: string | string[] | undefined): string | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  if (!value) return undefined;
  switch (value) {
    case "Verification":
      return "That sign-in link has expired or was already used. Ask for a new one below.";
    case "AccessDenied":
      return "This account cannot sign in right now.";
    case "OAuthAccountNotLinked":
      return "This e-mail address already has an account. Sign in with your password or a magic link first.";
    case "CredentialsSignin":
      return "Wrong e-mail or password.";
    default:
      return "Signing in did not work. Please try again.";
  }
}

/** Messages for what sent someone to the sign-in page (?notice=…). */
export function signInNotice(code: string | string[] | undefined, callbackUrl: string): string | undefined {
  const value = Array.isArray(code) ? code[0] : code;
  if (value === "signed-out-everywhere") return "You were signed out on every device. Sign in again here.";
  if (callbackUrl.startsWith("/verify-email")) return "Sign in to the new account to confirm its e-mail address.";
  return undefined;
}
