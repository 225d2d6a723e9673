/** Which sign-in methods the site offers, from the environment. Pure, so it is unit-tested. */
export interface ProviderFlags {
  password: true;
  magicLink: boolean;
  github: boolean;
}

export function providerFlags(env: { SMTP_URL?: string; AUTH_GITHUB_ID?: string; AUTH_GITHUB_SECRET?: string }): ProviderFlags {
  return {
    password: true,
    magicLink: Boolean(env.SMTP_URL),
    github: Boolean(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
  };
}
