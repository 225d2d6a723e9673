import { createHash } from "node:crypto";

/** Gravatar's address for an e-mail (only used when the site turns Gravatar on). */
export function gravatarUrl(email: string, size = 160): string {
  const hash = createHash("md5").update(email.trim().toLowerCase()).digest("hex");
  return `https://www.gravatar.com/avatar/${hash}?s=${size}&d=identicon`;
}

/**
 * The picture to show for a person: their upload; else, only when the site enables Gravatar,
 * Gravatar's; else null (the Avatar component draws initials locally). Without the setting no
 * request for an avatar ever leaves for another server.
 */
export function resolveAvatar(
  image: string | null | undefined,
  email: string | null | undefined,
  gravatarEnabled: boolean,
): string | null {
  if (image) return image;
  if (gravatarEnabled && email) return gravatarUrl(email);
  return null;
}
