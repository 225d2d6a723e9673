"use server";

import { refresh } from "next/cache";
import { db } from "../db/client";
import { expireTags } from "../cache/revalidate";
import { tags } from "../cache/tags";
import { can, isBanned } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { formValues, type FormState } from "../forms/state";
import { withStorageGuard } from "../forms/storage";
import { fieldErrors } from "../users/schema";
import { ALREADY_REPORTED, REPORT_THANKS, ReportOpSchema, ReportSchema, reportOutcome } from "./schema";
import { actOnReports, reportComment } from "./write";

/** A signed-in reader reports a comment (a plain form post; works without JavaScript). */
export const reportCommentAction = withStorageGuard(async function reportCommentAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const values = formValues(formData);
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Sign in to report a comment.", values };
  const parsed = ReportSchema.safeParse({
    commentId: formData.get("commentId"),
    reason: formData.get("reason") ?? undefined,
    note: formData.get("note") ?? undefined,
  });
  if (!parsed.success) {
    const { commentId: notAComment, ...errors } = fieldErrors(parsed.error);
    return { errors, values, ...(notAComment ? { status: 400, message: notAComment } : {}) };
  }
  if (isBanned(user)) return { status: 403, message: "Your account cannot report comments right now.", values };
  const result = await reportComment(db, user, parsed.data);
  if (result.ok) return { ok: true, message: REPORT_THANKS };
  switch (result.reason) {
    case "duplicate":
      return { status: 409, message: ALREADY_REPORTED, values };
    case "own":
      return { status: 403, message: "You can’t report your own comment.", values };
    case "forbidden":
      return { status: 403, message: "You can’t report comments.", values };
    case "not-found":
      return { status: 404, message: "That comment is no longer shown, so there is nothing to report.", values };
  }
});

/** The Reports tab's buttons: dismiss the reports, or mark the comment as spam or trash. */
export const reportOpAction = withStorageGuard(async function reportOpAction(
  _prev: FormState,
  formData: FormData,
): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Your session has ended. Sign in again." };
  const parsed = ReportOpSchema.safeParse(formData.get("op") ?? "");
  if (!parsed.success) return { status: 400, message: "Unknown action." };
  if (!can(user, "comment:moderate")) return { status: 403, message: "You can’t moderate this comment." };
  const result = await actOnReports(db, user, parsed.data.commentId, parsed.data.op);
  if (!result.ok) {
    switch (result.reason) {
      case "forbidden":
        return { status: 403, message: "You can’t moderate this comment. Nothing was changed." };
      case "not-found":
        return { status: 404, message: "That comment no longer exists." };
      case "no-reports":
        return { status: 409, message: "Those reports were already dealt with." };
    }
  }
  if (result.postIds.length > 0) await expireTags(...result.postIds.map((id) => tags.post(id)), tags.posts);
  // A dismissal changes no reader's page, only this list (and its tab's count): render it again.
  else refresh();
  return { ok: true, message: reportOutcome(parsed.data.op, result.resolved) };
});
