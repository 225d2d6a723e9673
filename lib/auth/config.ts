import NextAuth, { type NextAuthConfig } from "next-auth";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "../db/client";
import { env } from "../env";
import { siteUrl } from "../config/site";
import { clientIp } from "../http/client-ip";
import { sendMail } from "../mail/send";
import { magicLinkMail } from "../mail/templates";
import { readSettings } from "../settings/queries";
import { createAccount } from "../users/create";
import { SignInSchema } from "../users/schema";
import { isBanned } from "./permissions";
import { safeCallbackPath } from "./callback-url";
import { checkCredentials } from "./credentials";
import { applyLikeIntent } from "../comments/like-intent";
import { authProviders, MAGIC_LINK_MINUTES } from "./providers";

function toAdapterUser(u: {
  id: string;
  name: string;
  email: string;
  image: string | null;
  emailVerified: Date | null;
}): AdapterUser {
  return { id: u.id, name: u.name, email: u.email, image: u.image, emailVerified: u.emailVerified };
}

/** Prisma's adapter, with accounts created the Hearth way (handle, first user is admin). */
function hearthAdapter(): Adapter {
  const base = PrismaAdapter(db as never);
  return {
    ...base,
    async createUser(user) {
      const created = await createAccount(db, {
        name: user.name,
        email: user.email,
        emailVerified: user.emailVerified,
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
      const result = await checkCredentials(db, parsed.data.email, parsed.data.password, ip);
      return result.ok ? result.user : null;
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
    secret: e.AUTH_SECRET,
    trustHost: true,
    logger: {
      // A wrong password is an everyday event, not a server error worth a stack trace.
      error(error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error(error);
      },
    },
    providers,
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    events: {
      // A Like pressed while signed out is applied as soon as the reader has signed in.
      async signIn({ user }) {
        if (user.id) await applyLikeIntent(user.id);
      },
    },
    callbacks: {
      async signIn({ user }) {
        if (!user.id) return true;
        const row = await db.user.findUnique({ where: { id: user.id }, select: { bannedUntil: true } });
        return !row || !isBanned(row);
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
      async session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        return session;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => buildConfig());
