import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import GitHub from "next-auth/providers/github";

/** Magic links are valid for this long. */
export const MAGIC_LINK_MINUTES = 15;

export interface ProviderEnv {
  [name: string]: unknown;
  SMTP_URL?: string;
  EMAIL_FROM?: string;
  AUTH_GITHUB_ID?: string;
  AUTH_GITHUB_SECRET?: string;
}

/** Which sign-in methods the site offers, from the environment. */
export interface ProviderFlags {
  password: true;
  magicLink: boolean;
  github: boolean;
}

export function providerFlags(env: ProviderEnv): ProviderFlags {
  return {
    password: true,
    magicLink: Boolean(env.SMTP_URL),
    github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
  };
}

type Providers = NonNullable<NextAuthConfig["providers"]>;
type CredentialsAuthorize = Parameters<typeof Credentials>[0]["authorize"];
type SendVerificationRequest = NonNullable<Parameters<typeof Nodemailer>[0]["sendVerificationRequest"]>;

/**
 * The Auth.js providers for this environment: e-mail and password always, magic links when
 * e-mail can be sent, GitHub when its OAuth app is configured. The behaviour (checking a
 * password, sending the e-mail) is passed in, so the list itself is unit-tested.
 */
export function authProviders(
  env: ProviderEnv,
  behaviour: { authorize: CredentialsAuthorize; sendVerificationRequest: SendVerificationRequest },
): Providers {
  const flags = providerFlags(env);
  const providers: Providers = [
    Credentials({
      id: "credentials",
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: behaviour.authorize,
    }),
  ];
  if (flags.magicLink) {
    providers.push(
      Nodemailer({
        server: env.SMTP_URL,
        from: env.EMAIL_FROM,
        maxAge: MAGIC_LINK_MINUTES * 60,
        sendVerificationRequest: behaviour.sendVerificationRequest,
      }),
    );
  }
  if (flags.github) providers.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  return providers;
}
