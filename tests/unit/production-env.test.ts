import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productionProblems } from "../../scripts/lib/production-env.mjs";

const good = {
  AUTH_SECRET: "Zq3vX9rT2mL8pW4kN7bY1cH6fJ0sD5gA+eR/uI=",
  SITE_URL: "https://blog.example.org",
  SMTP_URL: "smtps://user:pass@smtp.example.org:465",
};

describe("productionProblems", () => {
  it("accepts a real secret, a public address and a mail server", () => {
    expect(productionProblems(good)).toEqual([]);
  });

  it("refuses a missing, short, low-variety or published AUTH_SECRET", () => {
    expect(productionProblems({ ...good, AUTH_SECRET: undefined }).join()).toMatch(/AUTH_SECRET is not set/);
    expect(productionProblems({ ...good, AUTH_SECRET: "short-secret" }).join()).toMatch(/too weak/);
    expect(productionProblems({ ...good, AUTH_SECRET: "a".repeat(64) }).join()).toMatch(/too weak/);
    expect(productionProblems({ ...good, AUTH_SECRET: "e2e-auth-secret-not-for-production-0123456789" }).join()).toMatch(
      /published example/,
    );
  });

  it("refuses the secret the demo generated into .data/secrets.json", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-secrets-"));
    const file = path.join(dir, "secrets.json");
    writeFileSync(file, JSON.stringify({ AUTH_SECRET: good.AUTH_SECRET, REVALIDATE_SECRET: "r".repeat(10) + "QWERTYUIOPASDFGH" }));
    expect(productionProblems(good, { generatedSecretsFile: file }).join()).toMatch(/the demo .* generated/);
    expect(productionProblems({ ...good, AUTH_SECRET: "x" + good.AUTH_SECRET }, { generatedSecretsFile: file })).toEqual([]);
    expect(
      productionProblems({ ...good, REVALIDATE_SECRET: "r".repeat(10) + "QWERTYUIOPASDFGH" }, { generatedSecretsFile: file }).join(),
    ).toMatch(/REVALIDATE_SECRET/);
  });

  it("needs SITE_URL and SMTP_URL, and a REVALIDATE_SECRET that is strong and not AUTH_SECRET", () => {
    expect(productionProblems({ ...good, SITE_URL: undefined }).join()).toMatch(/SITE_URL is not set/);
    expect(productionProblems({ ...good, SITE_URL: "blog.example.org" }).join()).toMatch(/absolute http/);
    expect(productionProblems({ ...good, SMTP_URL: undefined }).join()).toMatch(/SMTP_URL is not set/);
    expect(productionProblems({ ...good, REVALIDATE_SECRET: "short" }).join()).toMatch(/REVALIDATE_SECRET is weak/);
    expect(productionProblems({ ...good, REVALIDATE_SECRET: good.AUTH_SECRET }).join()).toMatch(/must differ/);
  });
});
