/**
 * The production start, `npm run serve` (scripts/serve.mjs), as whoever installs Hearth meets
 * it: it refuses an environment that is not fit for production before it listens, and on an
 * empty database it serves a site with no demo content whose first admin comes from the
 * one-time setup link it prints.
 *
 * The tests run it as a child process on its own port (PROD_PORT) and its own SQLite file
 * under .data/, sending mail to the suite's SMTP sink, with a strong random AUTH_SECRET. It
 * reuses the production build the suite's own server made (.next), so it starts in seconds.
 * Browses from made-up addresses 198.51.100.151–153 (that site does not trust them: nothing
 * here is rate-limited).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect } from "./support/fixtures";
import { expectSignedInAs, expectSignedOut, mainNav } from "./support/accounts";
import { from } from "./support/comments";
import { uid } from "./support/data";
import { createDb, type Db } from "../lib/db/client";
import { users as demoUsers } from "../prisma/seed-data";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data");
const PROD_PORT = Number(process.env.E2E_PROD_PORT || 3410);
const PROD_URL = `http://127.0.0.1:${PROD_PORT}`;
const SMTP_URL = `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT || 2526}`;

interface Run {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts `npm run serve` with exactly `env` (and PATH/HOME for npm), in its own process group
 * so that stopping it stops the server it starts too.
 */
function serve(env: Record<string, string>): Run {
  const child = spawn("npm", ["run", "--silent", "serve"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    // Nothing else from this process's environment: what the run gets is what the test says.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } as unknown as NodeJS.ProcessEnv,
  });
  let text = "";
  child.stdout!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

/** Stops a run started by serve(): its whole process group, and waits for it to end. */
async function stop(run: Run): Promise<void> {
  if (run.child.exitCode !== null || run.child.pid === undefined) return;
  try {
    process.kill(-run.child.pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const ended = await Promise.race([run.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
  if (!ended) process.kill(-run.child.pid, "SIGKILL");
}

/** Whether something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Waits until the site answers /api/health, or the run ends (then fails with its output). */
async function waitUntilServing(run: Run, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`npm run serve exited (${run.child.exitCode}):\n${run.output()}`);
    try {
      if ((await fetch(`${PROD_URL}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`npm run serve did not answer within ${timeoutMs} ms:\n${run.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A fresh SQLite file for one production run, and its URL. */
function databaseFile(): { file: string; url: string } {
  const file = path.join(DATA_DIR, `production-e2e-${uid()}.db`);
  return { file, url: `file:${file}` };
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

/** The environment a production start is happy with. */
function goodEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(PROD_PORT),
    HOSTNAME: "127.0.0.1",
    SITE_URL: PROD_URL,
    SMTP_URL,
    EMAIL_FROM: "Hearth production test <hearth@e2e.example>",
    AUTH_SECRET: randomBytes(32).toString("base64"),
  };
}

test.describe("an unfit environment", () => {
  /** The AUTH_SECRET `npm start` generated into .data/secrets.json (made here, as it would, when missing). */
  let demoSecret: string;
  let madeSecretsFile = false;
  const secretsFile = path.join(DATA_DIR, "secrets.json");

  test.beforeAll(() => {
    mkdirSync(DATA_DIR, { recursive: true });
    if (!existsSync(secretsFile)) {
      const secrets = { AUTH_SECRET: randomBytes(32).toString("base64url"), REVALIDATE_SECRET: randomBytes(32).toString("base64url") };
      writeFileSync(secretsFile, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
      madeSecretsFile = true;
    }
    demoSecret = (JSON.parse(readFileSync(secretsFile, "utf8")) as { AUTH_SECRET: string }).AUTH_SECRET;
  });

  test.afterAll(() => {
    if (madeSecretsFile) rmSync(secretsFile, { force: true });
  });

  test("makes npm run serve exit with a message naming the problem, before it migrates or listens", async () => {
    const cases: { change: (env: Record<string, string>) => void; message: string }[] = [
      { change: (env) => delete env.AUTH_SECRET, message: "AUTH_SECRET is not set." },
      {
        change: (env) => (env.AUTH_SECRET = demoSecret),
        message: "AUTH_SECRET is the one the demo (`npm start`) generated into .data/secrets.json.",
      },
      { change: (env) => delete env.SMTP_URL, message: "SMTP_URL is not set" },
    ];
    for (const { change, message } of cases) {
      const { file, url } = databaseFile();
      const env = goodEnv(url);
      change(env);
      const run = serve(env);
      try {
        const code = await run.exited;
        expect(code, run.output()).not.toBe(0);
        expect(run.output()).toContain("Hearth will not start in production:");
        expect(run.output()).toContain(message);
        expect(await listening(PROD_PORT)).toBe(false);
        // Nothing ran: not even the migrations.
        expect(existsSync(file)).toBe(false);
      } finally {
        await stop(run);
        removeDatabase(file);
      }
    }
  });
});

test.describe("a good environment on an empty database", () => {
  test.describe.configure({ mode: "serial" });
  test.use({ baseURL: PROD_URL, ...from("198.51.100.151") });

  const { file, url } = databaseFile();
  let run: Run;
  let db: Db;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    expect(await listening(PROD_PORT), `port ${PROD_PORT} is taken`).toBe(false);
    run = serve(goodEnv(url));
    await waitUntilServing(run, 60_000);
    db = createDb(url);
  });

  test.afterAll(async () => {
    await db?.$disconnect();
    if (run) await stop(run);
    removeDatabase(file);
  });

  /** The setup link as printed, checking it was printed exactly once. */
  function setupLink(): string {
    const links = run.output().match(new RegExp(`${PROD_URL.replace(/[.]/g, "\\.")}/setup\\?token=[A-Za-z0-9_-]+`, "g")) ?? [];
    expect(links, run.output()).toHaveLength(1);
    return links[0]!;
  }

  test("has no demo content and prints the one-time setup link once", async ({ page }) => {
    expect(await db.user.count()).toBe(0);
    expect(await db.user.count({ where: { email: { in: demoUsers.map((u) => u.email) } } })).toBe(0);
    expect(await db.post.count()).toBe(0);
    const demoAuthor = demoUsers.find((u) => u.role === "AUTHOR")!;
    const response = await page.goto(`/authors/${demoAuthor.handle}`);
    expect(response?.status()).toBe(404);
    await page.goto("/");
    await expectSignedOut(page);
    setupLink();
  });

  test("the setup link creates the admin, signed in on the dashboard, and then only says the site is set up", async ({
    page,
    browser,
  }) => {
    const admin = { name: "Ada Founder", email: `ada-${uid()}@e2e.example`, password: `first-light-over-the-${uid()}` };
    const link = setupLink();
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Create the admin account" })).toBeVisible();
    await page.getByLabel("Name", { exact: true }).fill(admin.name);
    await page.getByLabel("E-mail", { exact: true }).fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByRole("button", { name: "Create the admin account" }).click();

    await expect(page).toHaveURL("/dashboard");
    await expectSignedInAs(page, admin.name);
    const row = await db.user.findUniqueOrThrow({ where: { email: admin.email } });
    expect(row.role).toBe("ADMIN");
    expect(row.emailVerified).not.toBeNull();
    expect(await db.user.count()).toBe(1);

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Hearth is set up" })).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
    // In a browser nobody signed in on, too.
    const other = await browser.newContext({ baseURL: PROD_URL, ...from("198.51.100.152") });
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(link);
      await expect(otherPage.getByRole("heading", { level: 1, name: "Hearth is set up" })).toBeVisible();
      await expect(otherPage.getByRole("button", { name: "Create the admin account" })).toHaveCount(0);
    } finally {
      await other.close();
    }
  });

  test("signing up afterwards makes a reader, not an admin", async ({ page }) => {
    const reader = { name: "Bram Second", email: `bram-${uid()}@e2e.example`, password: `second-light-over-the-${uid()}` };
    await page.goto("/");
    await mainNav(page).getByRole("link", { name: "Sign up", exact: true }).click();
    await page.getByLabel("Name", { exact: true }).fill(reader.name);
    await page.getByLabel("E-mail", { exact: true }).fill(reader.email);
    await page.getByLabel("Password", { exact: true }).fill(reader.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL("/");
    await expectSignedInAs(page, reader.name);
    await expect(mainNav(page).getByRole("link", { name: "Dashboard" })).toHaveCount(0);
    expect((await db.user.findUniqueOrThrow({ where: { email: reader.email } })).role).toBe("READER");
    expect(await page.goto("/dashboard").then((r) => r?.status())).toBe(403);
  });
});
