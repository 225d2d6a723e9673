import "server-only";
import { db } from "../db/client";
import { absoluteUrl, siteUrl } from "../config/site";
import { mailConfigured, sendMail } from "../mail/send";
import { verifyEmailMail } from "../mail/templates";
import { readSettings } from "../settings/queries";
import { issueEmailVerification, VERIFY_EMAIL_HOURS } from "./verification";

/**
 * Mails the account a link that confirms its address. False when e-mail is not configured or
 * the SMTP server refused it (the account stays unconfirmed; its page offers to send again).
 */
export async function sendVerificationMail(user: { id: string; email: string; name: string }): Promise<boolean> {
  if (!mailConfigured()) return false;
  const token = await issueEmailVerification(db, user);
  const settings = await readSettings();
  const mail = verifyEmailMail({
    url: absoluteUrl(`/verify-email?token=${token}`),
    siteTitle: settings.siteTitle,
    host: new URL(siteUrl()).host,
    name: user.name,
    hours: VERIFY_EMAIL_HOURS,
  });
  try {
    await sendMail({ to: user.email, ...mail });
    return true;
  } catch (error) {
    console.error("Could not send the confirmation e-mail:", error instanceof Error ? error.message : error);
    return false;
  }
}
