// @ts-check
/**
 * A local SMTP sink: accepts every message on a loopback port and hands it over parsed. `npm
 * start` runs one when SMTP_URL is unset (magic links are printed to the console and kept
 * under .data/mail/), and the end-to-end tests run one to read the links they receive.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser } from "mailparser";

/**
 * @typedef {{ to: string[], from: string, subject: string, text: string, html: string, date: string, headers?: Record<string, string> }} CapturedMail
 */

/**
 * @param {{ port: number, host?: string, dir?: string, onMail?: (mail: CapturedMail) => void }} options
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function startMailSink({ port, host = "127.0.0.1", dir, onMail }) {
  if (dir) mkdirSync(dir, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "Hearth local mail sink",
    size: 5 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          /** @type {CapturedMail} */
          const mail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            date: new Date().toISOString(),
            // The list headers (RFC 2369/8058), as sent, for tests of unsubscribe links.
            headers: Object.fromEntries(
              parsed.headerLines
                .filter((h) => h.key.startsWith("list-"))
                .map((h) => [h.key, h.line.slice(h.line.indexOf(":") + 1).replace(/\r?\n\s+/g, " ").trim()]),
            ),
          };
          if (dir) {
            counter += 1;
            const name = `${Date.now()}-${process.pid}-${counter}.json`;
            writeFileSync(path.join(dir, name), JSON.stringify(mail, null, 2));
          }
          onMail?.(mail);
          callback();
        })
        .catch((error) => callback(error));
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import("node:net").AddressInfo} */ (server.server.address());
  return {
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
