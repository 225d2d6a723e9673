import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe on notification mails). */
  headers?: Record<string, string>;
}

let transporter: Transporter | undefined;

function transport(): Transporter {
  if (transporter) return transporter;
  const url = env().SMTP_URL;
  if (!url) {
    throw new Error("E-mail is not configured: set SMTP_URL (npm start runs a local mail catcher when it is unset).");
  }
  transporter = nodemailer.createTransport(url);
  return transporter;
}

/** True when the site can send e-mail. */
export function mailConfigured(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Sends one e-mail through the configured SMTP server. */
export async function sendMail(mail: Mail): Promise<void> {
  await transport().sendMail({ from: env().EMAIL_FROM, ...mail });
}
