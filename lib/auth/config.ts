import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import { cookies } from "next/headers";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "../db/client";
import { authSecret, env } from "../env";
import { siteUrl } from "../config/site";
import { clientIp } from "../http/client-ip";
import { sendMail } from "../mail/send";
import { magicLinkMail } from "../mail/templates";
import { readSettings } from "../settings/queries";
import { createAccount } from "../users/create";
import { SignInSchema } from "../users/schema";
import { safeCallbackPath } from "./callback-url";
import { checkCredentials } from "./credentials";
import { noteAuthError } from "./storage-failures";
import { applyLikeIntent } from "../comments/like-intent";
import { authProviders, MAGIC_LINK_MINUTES } from "./providers";
import { isKnownDevice, KNOWN_DEVICE_COOKIE, rememberDevice } from "./known-device";
import { requestCookies, SESSION_VERSION_CLAIM } from "./session-token";
import { sessionVersionOf, takeOverUnverifiedAccount } from "../users/sessions";

/**
 * A refused password sign-in that is not a wrong password: this address must wait, or the
 * account only takes magic links from this browser for now. The code reaches the sign-in
 * action (never the browser's URL: the form shows its own message).
 */
export class SigninRefused extends CredentialsSignin {
  constructor(
    readonly reason: "rate_limited" | "use_magic_link",
    readonly retryAfterSeconds: number,
  ) {
    super(reason);
    this.code = reason;
  }
}

function toAdapterUser(u: {
  id: string;
  name: string;
  email: string;
  image: string | null;
  emailVerified: Date | null;
}): AdapterUser {
  return { id: u.id, name: u.name, email: u.email, image: u.image, emailVerified: u.emailVerified };
}

/** Prisma's adapter, with accounts created and e-mail addresses confirmed the Hearth way. */
function hearthAdapter(): Adapter {
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    async updateUser(user) {
      // Auth.js confirms the address of whoever follows a magic link. Someone who created the
      // account with this address earlier without confirming it (perhaps not its owner) loses
      // the password they chose and every session they have: the link's owner takes over.
      if (user.emailVerified && user.id) await takeOverUnverifiedAccount(db, user.id);
      return base.updateUser!(user);
    },
    async createUser(user) {
      const created = await createAccount(db, {
        name: user.name,
        email: user.email,
        // Only magic links (which prove the address) and OAuth providers (which vouch for it)
        // create accounts here; password sign-ups confirm theirs by mail.
        emailVerified: user.emailVerified ?? new Date(),
        // OAuth pictures are remote; avatars stay local unless the user uploads one.
        image: null,
      });
      return toAdapterUser(created);
    },
  };
}

function buildConfig(): NextAuthConfig {
  const e = env();
  const providers = authProviders(e, {
    async authorize(raw, request) {
      const parsed = SignInSchema.safeParse(raw);
      if (!parsed.success) return null;
      const settings = await readSettings();
      const ip = clientIp(request.headers, settings.trustProxy);
      const device = requestCookies(request.headers.get("cookie")).get(KNOWN_DEVICE_COOKIE)?.value;
      const result = await checkCredentials(db, parsed.data.email, parsed.data.password, {
        ip,
        knownDevice: (userId) => isKnownDevice(authSecret(), device, userId),
      });
      if (result.ok) return result.user;
      if (result.reason === "invalid") return null;
      throw new SigninRefused(result.reason, result.retryAfterSeconds);
    },
    async sendVerificationRequest({ identifier, url }) {
      // Links always point at the site's public origin, never at a Host header a client chose.
      const link = new URL(url);
      const origin = new URL(siteUrl());
      link.protocol = origin.protocol;
      link.host = origin.host;
      const settings = await readSettings();
      const mail = magicLinkMail({
        url: link.toString(),
        siteTitle: settings.siteTitle,
        host: origin.host,
        minutes: MAGIC_LINK_MINUTES,
      });
      await sendMail({ to: identifier, ...mail });
    },
  });

  return {
    adapter: hearthAdapter(),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    secret: authSecret(),
    trustHost: true,
    logger: {
      // A wrong password is an everyday event, not a server error worth a stack trace.
      error(error) {
        noteAuthError(error);
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error(error);
      },
    },
    providers,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    events: {
      async signIn({ user }) {
        if (!user.id) return;
        // This browser may sign in to the account with its password even while strangers'
        // guesses have paused that elsewhere (lib/auth/credentials.ts).
        const jar = await cookies();
        jar.set(KNOWN_DEVICE_COOKIE, rememberDevice(authSecret(), jar.get(KNOWN_DEVICE_COOKIE)?.value, user.id), {
          httpOnly: true,
          sameSite: "lax",
          path: "/",
          secure: siteUrl().startsWith("https:"),
          maxAge: 365 * 24 * 60 * 60,
        });
        // A Like pressed while signed out is applied as soon as the reader has signed in.
        await applyLikeIntent(user.id);
      },
    },
    callbacks: {
      // A blocked account (bannedUntil, lib/users/block.ts) still signs in and reads: it is
      // can() that refuses it commenting, replying, editing, liking and reporting, with a message
      // that says until when.
      async signIn() {
        return true;
      },
      async redirect({ url, baseUrl }) {
        // Only ever a path on this site, on the site's public origin (the request may have
        // reached us under another name, e.g. localhost behind a proxy).
        const site = siteUrl();
        let path = url;
        for (const origin of [baseUrl, site]) {
          if (url.startsWith(origin)) {
            path = url.slice(origin.length) || "/";
            break;
          }
        }
        return `${site}${safeCallbackPath(path)}`;
      },
      /**
       * Sessions carry the account's session version; ending every session of an account
       * (sign out everywhere, a password change, a takeover by magic link) bumps it, and tokens
       * of an older version are no session (lib/auth/session.ts). A sign-in, or an update after
       * a password change, issues the current version.
       */
      async jwt({ token, user, trigger }) {
        const id = user?.id ?? token.sub;
        if (!id) return token;
        const current = await sessionVersionOf(db, id);
        if (current === null) return null;
        if (user || trigger === "update") return { ...token, [SESSION_VERSION_CLAIM]: current };
        const version = token[SESSION_VERSION_CLAIM];
        return (typeof version === "number" ? version : 0) === current ? token : null;
      },
      async session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut, unstable_update: reissueSession } = NextAuth(() => buildConfig());
