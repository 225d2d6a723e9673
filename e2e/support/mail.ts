/**
 * Reads the mail the app sent to the suite's SMTP sink (e2e/global-setup.ts writes every
 * received message as JSON into .data/e2e-mail/).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** Must match MAIL_DIR in e2e/global-setup.ts. */
export const MAIL_DIR = path.join(ROOT, ".data", "e2e-mail");

export interface CapturedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  date: string;
  /** List-* headers (lower-case names), e.g. list-unsubscribe. */
  headers?: Record<string, string>;
}

async function readMails(): Promise<CapturedMail[]> {
  let names: string[];
  try {
    names = (await readdir(MAIL_DIR)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const mails: CapturedMail[] = [];
  for (const name of names) {
    try {
      mails.push(JSON.parse(await readFile(path.join(MAIL_DIR, name), "utf8")) as CapturedMail);
    } catch {
      // Being written right now: the next poll reads it.
    }
  }
  return mails;
}

/**
 * The newest mail to `to` (received at or after `since`, and with `subject`, when given),
 * waiting up to `timeoutMs` for it to arrive.
 */
export async function waitForMail(
  to: string,
  timeoutMs = 10_000,
  options: { since?: Date; subject?: string } = {},
): Promise<CapturedMail> {
  const address = to.toLowerCase();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readMails()).filter(
      (m) =>
        m.to.includes(address) &&
        (!options.since || new Date(m.date).getTime() >= options.since.getTime()) &&
        (!options.subject || m.subject === options.subject),
    );
    const newest = found.at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} arrived within ${timeoutMs} ms (looked in ${MAIL_DIR}).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first URL in a mail's text part that starts with `prefix`. */
export function linkIn(mail: CapturedMail, prefix: string): string {
  const link = mail.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!link) throw new Error(`No link starting with ${prefix} in the mail “${mail.subject}”:\n${mail.text}`);
  return link;
}
