import type { Db } from "../db/client";
import { retryWhenBusy } from "../db/retry";
import type { Role } from "../auth/permissions";
import { slugify } from "../posts/slug";

/** A handle base from a name or an e-mail's local part ("Iris Calloway" → "iris-calloway"). */
export function handleBase(name: string | null | undefined, email: string): string {
  const fromName = slugify(name ?? "");
  const base = fromName || slugify(email.split("@")[0] ?? "") || "reader";
  return base.slice(0, 40).replace(/-+$/g, "") || "reader";
}

/** A handle nobody has yet: the base, or the base with the smallest free number. */
export async function uniqueHandle(db: Db, base: string): Promise<string> {
  const taken = new Set(
    (await db.user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((u) => u.handle),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A display name from an e-mail address when nobody gave one ("sam.whitlow@…" → "Sam Whitlow"). */
export function nameFromEmail(email: string): string {
  const local = (email.split("@")[0] ?? "reader").replace(/[._+-]+/g, " ").trim();
  return local.replace(/(^|\s)(\p{L})/gu, (_m, space: string, c: string) => space + c.toUpperCase()) || "Reader";
}

/** An account with this e-mail address exists already. */
export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`An account with ${email} exists already.`);
    this.name = "EmailTakenError";
  }
}

export interface NewAccount {
  name?: string | null;
  email: string;
  passwordHash?: string | null;
  image?: string | null;
  emailVerified?: Date | null;
  /** Defaults to READER. Nobody becomes an admin by signing up first: see lib/setup/. */
  role?: Role;
}

/** Creates an account with a unique handle. */
export async function createAccount(db: Db, input: NewAccount) {
  const email = input.email.trim().toLowerCase();
  const name = input.name?.trim() || nameFromEmail(email);
  for (let attempt = 0; ; attempt++) {
    const handle = await uniqueHandle(db, handleBase(name, email));
    try {
      return await retryWhenBusy(() =>
        db.user.create({
          data: {
            name,
            email,
            handle,
            passwordHash: input.passwordHash ?? null,
            image: input.image ?? null,
            emailVerified: input.emailVerified ?? null,
            role: input.role ?? "READER",
          },
        }),
      );
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw new EmailTakenError(email);
      // Someone took the same handle at the same moment: pick again.
      if (attempt >= 5) throw error;
    }
  }
}
