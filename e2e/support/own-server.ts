/**
 * A Hearth server of a test's own: the production build (built by the suite's web server before
 * any test runs) started as `node server.mjs` on its own SQLite file and a free port, so a test
 * can kill it, restart it, or break its storage without touching the suite's server. Set up
 * like scripts/e2e-server.mjs does (migrations, not `db push`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { encode } from "next-auth/jwt";
import { createDb, type Db } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The AUTH_SECRET of these servers (sessions and magic-link tokens are made with it). */
export const AUTH_SECRET = "e2e-own-server-auth-secret-0123456789";
const REVALIDATE_SECRET = "e2e-own-server-revalidate-secret";

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Creates the database at `file` from the migrations, with the site settings a load test needs:
 * flood limits as high as they go and X-Forwarded-For trusted (each simulated reader has its
 * own address). Returns a client on it (the caller disconnects it).
 */
export async function prepareDatabase(file: string): Promise<Db> {
  const url = `file:${file}`;
  await migrate(url, ROOT);
  const db = createDb(url);
  const settings = {
    trustProxy: true,
    // The highest the settings form accepts (SETTING_RANGES), so the form can still be saved.
    floodPerMinute: 100,
    floodPerHour: 1000,
    likesPerMinute: 1000,
    likesPerHour: 10_000,
  };
  await db.settings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: settings });
  return db;
}

export interface OwnServer {
  base: string;
  /** The running process (a new one after restart()). */
  readonly process: ChildProcess;
  /** Everything the server wrote to stdout and stderr, for failure messages and log checks. */
  output(): string;
  /** The session cookie of `user`, as a browser signed in to this server sends it. */
  sessionCookie(user: { id: string; name: string; email: string }): Promise<string>;
  /** Kills the server with SIGKILL and waits until it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same database and port. */
  restart(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL). Safe to call twice. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Starts `node server.mjs` on the SQLite file `dbFile` (prepared with prepareDatabase). */
export async function startOwnServer(
  dbFile: string,
  options: { uploadsDir: string; smtpUrl?: string },
): Promise<OwnServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${dbFile}`,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    SITE_URL: base,
    AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    REVALIDATE_SECRET,
    // The suite's SMTP sink (e2e/global-setup.ts).
    SMTP_URL: options.smtpUrl ?? `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT || 2526}`,
    EMAIL_FROM: "Hearth fault tests <hearth@e2e.example>",
    UPLOADS_DIR: options.uploadsDir,
    NOTIFY_POLL_MS: "500",
    NOTIFY_BATCH_WINDOW_MS: "6000",
    NOTIFY_RETRY_BASE_MS: "500",
    NOTIFY_RETRY_MAX_MS: "2000",
  };
  let log = "";
  let child!: ChildProcess;

  async function launch(): Promise<void> {
    child = spawn(process.execPath, [path.join(ROOT, "server.mjs")], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    const started = child;
    const from = log.length;
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.slice(from).includes(`Hearth is serving on ${base}`)) resolve();
      };
      started.stdout!.on("data", onData);
      started.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
      started.once("exit", (code, signal) => reject(new Error(`The server exited while starting (${signal ?? code}):\n${log}`)));
    });
    // Listening is not ready: Next answers once the first request has loaded the app.
    const health = await fetch(`${base}/api/health`);
    if (health.status !== 200) throw new Error(`GET /api/health answered ${health.status}: ${await health.text()}\n${log}`);
  }

  await launch();
  return {
    base,
    get process() {
      return child;
    },
    output: () => log,
    sessionCookie: async (user) => {
      const token = await encode({
        token: { sub: user.id, name: user.name, email: user.email },
        secret: AUTH_SECRET,
        salt: "authjs.session-token",
        maxAge: 3600,
      });
      return `authjs.session-token=${token}`;
    },
    async kill() {
      const gone = exited(child);
      child.kill("SIGKILL");
      await gone;
    },
    async restart() {
      await exited(child);
      log += "\n--- restarted ---\n";
      await launch();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = exited(child);
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await gone;
      clearTimeout(timer);
    },
  };
}
