import { describe, expect, it } from "vitest";
import { authProviders } from "../../lib/auth/providers";

const behaviour = { authorize: async () => null, sendVerificationRequest: async () => {} };
const ids = (env: Parameters<typeof authProviders>[0]) =>
  authProviders(env, behaviour)
    .map((p) => (typeof p === "function" ? p() : p))
    .map((p) => p.id);

describe("the sign-in methods follow the environment", () => {
  it("offers e-mail and password everywhere", () => {
    expect(ids({})).toEqual(["credentials"]);
  });

  it("adds magic links when e-mail can be sent", () => {
    expect(ids({ SMTP_URL: "smtp://127.0.0.1:2525" })).toEqual(["credentials", "nodemailer"]);
  });

  it("adds GitHub only when both its id and secret are set", () => {
    expect(ids({ AUTH_GITHUB_ID: "id" })).toEqual(["credentials"]);
    expect(ids({ AUTH_GITHUB_SECRET: "secret" })).toEqual(["credentials"]);
    expect(ids({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" })).toEqual(["credentials", "github"]);
    expect(ids({ SMTP_URL: "smtp://x", AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "secret" })).toEqual([
      "credentials",
      "nodemailer",
      "github",
    ]);
  });
});
