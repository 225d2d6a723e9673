import { rmSync } from "node:fs";
import path from "node:path";
// The suite's own SMTP sink: the app sends magic links here; tests read them from MAIL_DIR.
import { startMailSink } from "../server/mail-sink.mjs";

export const MAIL_DIR = path.resolve(".data", "e2e-mail");
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT || 2526);

export default async function globalSetup() {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  const sink = await startMailSink({ port: SMTP_PORT, dir: MAIL_DIR });
  return async () => {
    await sink.close();
  };
}
