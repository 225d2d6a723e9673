import { describe, expect, it } from "vitest";
import { providerFlags } from "@/lib/auth/providers";

describe("providerFlags", () => {
  it("always offers passwords", () => {
    expect(providerFlags({}).password).toBe(true);
    expect(providerFlags({ SMTP_URL: "smtp://localhost:2525", AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" }).password).toBe(
      true,
    );
  });

  it.each([
    [{}, false],
    [{ AUTH_GITHUB_ID: "Iv1.abc" }, false],
    [{ AUTH_GITHUB_SECRET: "shh" }, false],
    [{ AUTH_GITHUB_ID: "Iv1.abc", AUTH_GITHUB_SECRET: "" }, false],
    [{ AUTH_GITHUB_ID: "", AUTH_GITHUB_SECRET: "shh" }, false],
    [{ AUTH_GITHUB_ID: "", AUTH_GITHUB_SECRET: "" }, false],
    [{ AUTH_GITHUB_ID: undefined, AUTH_GITHUB_SECRET: "shh" }, false],
    [{ AUTH_GITHUB_ID: "Iv1.abc", AUTH_GITHUB_SECRET: "shh" }, true],
  ] as Array<[Parameters<typeof providerFlags>[0], boolean]>)("GitHub with %j → %s", (env, expected) => {
    expect(providerFlags(env).github).toBe(expected);
  });

  it.each([
    [{}, false],
    [{ SMTP_URL: "" }, false],
    [{ SMTP_URL: undefined }, false],
    [{ SMTP_URL: "smtp://localhost:2525" }, true],
    [{ SMTP_URL: "smtps://user:pass@mail.example:465" }, true],
  ] as Array<[Parameters<typeof providerFlags>[0], boolean]>)("magic link with %j → %s", (env, expected) => {
    expect(providerFlags(env).magicLink).toBe(expected);
  });

  it("treats the providers independently", () => {
    expect(providerFlags({ SMTP_URL: "smtp://x", AUTH_GITHUB_ID: "id" })).toEqual({
      password: true,
      magicLink: true,
      github: false,
    });
    expect(providerFlags({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" })).toEqual({
      password: true,
      magicLink: false,
      github: true,
    });
    expect(providerFlags({ SMTP_URL: "smtp://x", AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" })).toEqual({
      password: true,
      magicLink: true,
      github: true,
    });
    expect(providerFlags({})).toEqual({ password: true, magicLink: false, github: false });
  });

  it("accepts process.env-shaped objects (extra variables ignored)", () => {
    const env = { PATH: "/usr/bin", NODE_ENV: "test", AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "s" } as NodeJS.ProcessEnv;
    expect(providerFlags(env)).toEqual({ password: true, magicLink: false, github: true });
  });
});
