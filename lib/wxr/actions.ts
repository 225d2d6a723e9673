"use server";

import { redirect } from "next/navigation";
import { can } from "../auth/permissions";
import { getCurrentUser } from "../auth/session";
import { db } from "../db/client";
import type { FormState } from "../forms/state";
import { withStorageGuard } from "../forms/storage";
import { IMPORT_TOTAL_MAX_BYTES, megabytes } from "../uploads/limits.mjs";
import { startImportJob } from "./jobs";
import { parseWxr } from "./parse";

export interface WxrImportState extends FormState {
  /** Every problem the file has (nothing was imported). */
  problems?: string[];
}

/**
 * Checks an uploaded WordPress export completely, then starts its import and sends the admin to
 * the job's progress page. A broken file is answered here, next to the field, with its problems.
 */
export const importWxrAction = withStorageGuard(async function importWxrAction(
  _prev: WxrImportState,
  formData: FormData,
): Promise<WxrImportState> {
  const user = await getCurrentUser();
  if (!user) return { status: 401, message: "Your session has ended. Sign in again." };
  if (!can(user, "settings:update")) return { status: 403, message: "Only an admin can import a WordPress site." };
  const file = formData.get("wxr");
  if (!(file instanceof File) || file.size === 0) return { errors: { wxr: "Choose the .xml file WordPress exported." } };
  if (file.size > IMPORT_TOTAL_MAX_BYTES)
    return { errors: { wxr: `The file is larger than ${megabytes(IMPORT_TOTAL_MAX_BYTES)}: import it with npm run import:wxr instead.` } };
  let xml: string;
  try {
    xml = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { errors: { wxr: "The file is not UTF-8 text: WordPress exports are." } };
  }
  const parsed = parseWxr(xml);
  if (!parsed.ok) {
    return { errors: { wxr: `${file.name || "The file"} cannot be imported; nothing was imported.` }, problems: parsed.errors.slice(0, 50) };
  }
  const jobId = await startImportJob(db, user.id, file.name || "export.xml", parsed.doc);
  redirect(`/dashboard/import/wordpress/${jobId}`);
});
