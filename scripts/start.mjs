// `npm start`: the demo, everything a newcomer needs from one command. Creates the SQLite
// database under .data/, generates local secrets, applies migrations, seeds the demo content
// (and its accounts, whose password the README prints) when the database is empty, builds when
// needed, prints the demo logins and serves Hearth on http://localhost:3000, with a local mail
// catcher that prints sign-in links. None of that is for the internet: with NODE_ENV=production
// this runs the production start instead (scripts/serve.mjs).
import { spawn } from "node:child_process";
import path from "node:path";
import { DATA_DIR, ROOT, bin, buildIfNeeded, localSecrets, run } from "./lib/runtime.mjs";
import { startMailSink } from "../server/mail-sink.mjs";

if (process.env.NODE_ENV === "production") {
  console.log("NODE_ENV=production: starting Hearth for production (npm run serve): no demo content, no generated secrets.");
  await import("./serve.mjs");
} else {
  await startDemo();
}

async function startDemo() {
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...localSecrets(),
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST || "true",
  };
  Object.assign(process.env, env);

  await run(bin("tsx"), ["scripts/migrate.ts"]);
  await run(bin("tsx"), ["prisma/seed.ts", "--if-empty", "--print-logins"]);
  await buildIfNeeded();

  // Without an SMTP server configured, e-mail (magic links) goes to a local mail catcher: the
  // links are printed here and each message is kept under .data/mail/.
  if (!process.env.SMTP_URL) {
    const port = Number(process.env.MAIL_SINK_PORT || 2525);
    try {
      const sink = await startMailSink({
        port,
        dir: path.join(DATA_DIR, "mail"),
        onMail: (mail) => {
          const link = mail.text.match(/https?:\/\/\S+/)?.[0];
          console.log(`\n📬 Mail to ${mail.to.join(", ")}: “${mail.subject}”${link ? `\n   ${link}` : ""}\n`);
        },
      });
      process.env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
      console.log(`E-mail goes to the local mail catcher on port ${sink.port} (set SMTP_URL to send real mail).`);
    } catch (error) {
      console.warn(
        `No local mail catcher (${error instanceof Error ? error.message : error}); magic links are off. Set SMTP_URL to enable them.`,
      );
    }
  }

  const server = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
    stdio: "inherit",
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}
