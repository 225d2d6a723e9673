import { randomBytes } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { httpKeys } from "../cache/http";
import { purgeHttpCaches } from "../cache/purge";
import { sniffImage, UPLOAD_KINDS, UPLOAD_NAME, type UploadKind } from "./images";

/** Where uploads live: .data/uploads (UPLOADS_DIR overrides), served by app/uploads/[...path]. */
export function uploadsRoot(): string {
  // Resolved at run time; not something the bundler should trace.
  return path.resolve(/*turbopackIgnore: true*/ process.env.UPLOADS_DIR || path.join(process.cwd(), ".data", "uploads"));
}

export type UploadResult = { ok: true; url: string } | { ok: false; error: string };

/**
 * Checks and stores an uploaded image: at most `maxBytes`, a PNG, JPEG, GIF or WebP by its
 * content, saved under a generated name. Returns its public URL (/uploads/<kind>/<name>).
 */
export async function saveImageUpload(kind: UploadKind, file: File | null, maxBytes: number): Promise<UploadResult> {
  if (!file || file.size === 0) return { ok: false, error: "Choose an image file." };
  if (file.size > maxBytes)
    return { ok: false, error: `The image is too large: at most ${Math.round(maxBytes / 1024 / 1024)} MB.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImage(bytes);
  if (!type) return { ok: false, error: "That file is not a PNG, JPEG, GIF or WebP image." };
  const name = `${randomBytes(16).toString("hex")}.${type.ext}`;
  const dir = path.join(/*turbopackIgnore: true*/ uploadsRoot(), kind);
  const target = path.join(/*turbopackIgnore: true*/ dir, name);
  await mkdir(/*turbopackIgnore: true*/ dir, { recursive: true });
  await writeFile(/*turbopackIgnore: true*/ target, bytes, { mode: 0o644 });
  return { ok: true, url: `/uploads/${kind}/${name}` };
}

/** Resolves a public upload URL's parts to a file path, or null when they are not an upload's. */
export function uploadPath(kind: string, name: string): string | null {
  if (!(UPLOAD_KINDS as readonly string[]).includes(kind) || !UPLOAD_NAME.test(name)) return null;
  return path.join(uploadsRoot(), kind, name);
}

export async function readUpload(kind: string, name: string): Promise<Buffer | null> {
  const file = uploadPath(kind, name);
  if (!file) return null;
  try {
    return await readFile(/*turbopackIgnore: true*/ file);
  } catch {
    return null;
  }
}

/** Deletes a previously stored upload by its public URL (ignores anything else). */
export async function deleteUpload(url: string | null | undefined): Promise<void> {
  const m = url ? /^\/uploads\/([a-z]+)\/([^/]+)$/.exec(url) : null;
  const file = m ? uploadPath(m[1] ?? "", m[2] ?? "") : null;
  if (!file || !m) return;
  await rm(/*turbopackIgnore: true*/ file, { force: true });
  await purgeHttpCaches([httpKeys.upload(m[1] ?? "", m[2] ?? "")]);
}
