/**
 * A tiny tar (ustar) writer and reader for site exports: regular files only, names up to 255
 * bytes (split into prefix/name), gzip by Node's zlib. Enough for our own archives, and a
 * format every system opens (`tar xzf`). See docs/decisions/020-wordpress-import-export.md.
 */
import { gunzipSync, gzipSync } from "node:zlib";

export interface TarEntry {
  name: string;
  content: string;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(512, 0);
  const bytes = Buffer.from(name, "utf8");
  let prefix = "";
  let base = name;
  if (bytes.length > 100) {
    const cut = name.lastIndexOf("/", 154);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`file name too long for tar: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, "utf8");
  h.write("0000644\0", 100, "ascii");
  h.write("0000000\0", 108, "ascii");
  h.write("0000000\0", 116, "ascii");
  h.write(`${size.toString(8).padStart(11, "0")}\0`, 124, "ascii");
  h.write(`${Math.floor(mtime.getTime() / 1000).toString(8).padStart(11, "0")}\0`, 136, "ascii");
  h.write("        ", 148, "ascii");
  h.write("0", 156, "ascii");
  h.write("ustar\0", 257, "ascii");
  h.write("00", 263, "ascii");
  h.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, "ascii");
  return h;
}

/** A .tar.gz of the entries. */
export function writeTarGz(entries: readonly TarEntry[], mtime: Date = new Date()): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.from(e.content, "utf8");
    parts.push(header(e.name, data.length, mtime), data, Buffer.alloc((512 - (data.length % 512)) % 512, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return gzipSync(Buffer.concat(parts));
}

/** The regular files of a .tar.gz written by writeTarGz (or any plain ustar archive). */
export function readTarGz(archive: Buffer): TarEntry[] {
  const tar = gunzipSync(archive);
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const h = tar.subarray(offset, offset + 512);
    if (h.every((b) => b === 0)) break;
    const field = (start: number, length: number) => h.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const prefix = field(345, 155);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const type = field(156, 1);
    const start = offset + 512;
    if (type === "0" || type === "") entries.push({ name, content: tar.subarray(start, start + size).toString("utf8") });
    offset = start + Math.ceil(size / 512) * 512;
  }
  return entries;
}
