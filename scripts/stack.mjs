// `npm run stack:up`: the production front on this machine, in the foreground: Varnish on
// http://127.0.0.1:6081 in front of three Hearth instances (ports 3201-3203) sharing the
// PostgreSQL database `hearth_stack` at 127.0.0.1:5432 (HEARTH_PG_ADMIN_URL elsewhere).
// The database is kept between runs; the demo content is seeded while it is empty (--no-demo:
// never; --fresh: start from an empty database). E-mail goes to a local mail catcher that prints
// sign-in links. Ctrl-C stops everything. `npm run stack:down` stops a stack left running.
// See deploy/README.md.
import path from "node:path";
import { startMailSink } from "../server/mail-sink.mjs";
import { bin, run } from "./lib/runtime.mjs";
import { STACK_DIR, stackUnavailable, startStack, stopRecordedStack } from "./lib/stack.mjs";

const [command = "up", ...flags] = process.argv.slice(2);

if (command === "down") {
  const stopped = await stopRecordedStack();
  console.log(stopped ? "The stack is stopped." : "No stack is running (no .data/stack/stack.pid).");
  process.exit(0);
}
if (command !== "up") {
  console.error("Usage: node scripts/stack.mjs up [--fresh] [--no-demo] [--instances N] | down");
  process.exit(2);
}

const instancesFlag = flags.indexOf("--instances");
const instances = instancesFlag >= 0 ? Number(flags[instancesFlag + 1]) : 3;
if (!Number.isInteger(instances) || instances < 1 || instances > 8) {
  console.error("--instances takes a number from 1 to 8 (ports 3201-3208).");
  process.exit(2);
}
const demo = !flags.includes("--no-demo");

const unavailable = await stackUnavailable();
if (unavailable) {
  console.error(`The stack cannot start: ${unavailable}`);
  process.exit(1);
}

/** @type {Record<string, string>} */
const env = {};
let sink = null;
if (process.env.SMTP_URL) {
  env.SMTP_URL = process.env.SMTP_URL;
} else {
  sink = await startMailSink({
    port: Number(process.env.MAIL_SINK_PORT || 3209),
    dir: path.join(STACK_DIR, "mail"),
    onMail: (mail) => {
      const link = mail.text.match(/https?:\/\/\S+/)?.[0];
      console.log(`\n📬 Mail to ${mail.to.join(", ")}: “${mail.subject}”${link ? `\n   ${link}` : ""}\n`);
    },
  });
  env.SMTP_URL = `smtp://127.0.0.1:${sink.port}`;
}

const stack = await startStack({
  instances,
  fresh: flags.includes("--fresh"),
  env,
  log: (line) => console.log(line),
  prepare: demo
    ? (databaseUrl) => run(bin("tsx"), ["prisma/seed.ts", "--if-empty", "--print-logins"], { env: { DATABASE_URL: databaseUrl } })
    : undefined,
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log("\nStopping the stack…");
  await stack.stop();
  await sink?.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, shutdown);

console.log(`
Hearth is serving through Varnish on ${stack.url}
  instances: ${stack.instanceUrls.join(", ")}
  database:  ${stack.databaseUrl}
  logs:      ${stack.logDir}
  e-mail:    ${sink ? `printed here (mail catcher on port ${sink.port})` : env.SMTP_URL}
Ctrl-C stops it (or \`npm run stack:down\` from another terminal).`);
