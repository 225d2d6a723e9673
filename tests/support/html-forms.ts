// Reading Hearth's forms out of a page's HTML and posting them the way a browser without
// JavaScript does: every field of the form, encoded as the form's enctype says. Shared by the
// benchmarks (bench/lib/writes.ts) and the end-to-end tests that post forms over plain HTTP
// (e2e/malformed-*.spec.ts).
import { randomBytes } from "node:crypto";

/** A file part of a multipart body (what a file input sends). */
export interface FilePart {
  filename: string;
  contentType?: string;
  data: Buffer | string;
}

/** A field sent as these exact bytes (e.g. invalid UTF-8), not as encoded text. */
export interface BytesPart {
  bytes: Buffer;
}

/** What a field of a submitted form carries: text, a file, or raw bytes. */
export type FieldValue = string | FilePart | BytesPart;

export const isFilePart = (v: FieldValue): v is FilePart => typeof v === "object" && "filename" in v;

export interface HtmlForm {
  /** The <form> tag's attributes (names lower-cased). */
  attributes: Record<string, string>;
  /**
   * What a browser submits for the form as rendered, in document order: named <input>s
   * (checkboxes and radios only when checked; no submit buttons, since the pressed button is
   * added by whoever submits), <textarea>s and <select>s (the selected option, else the first).
   */
  fields: [string, string][];
  /** The names of its file inputs (a browser sends an empty file part for each when none is chosen). */
  files: string[];
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === "#") {
      const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

function attributesOf(tag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const inner = tag.replace(/^<[a-z]+/i, "").replace(/\/?>$/, "");
  for (const m of inner.matchAll(/([^\s"'=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = m[1];
    if (name === undefined) continue;
    attributes[name.toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attributes;
}

/** Every <form> of the page, with the fields a browser would submit. */
export function parseForms(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/gi)) {
    const open = /^<form\b[^>]*>/i.exec(m[0])?.[0] ?? "<form>";
    const body = m[1] ?? "";
    const fields: [string, string][] = [];
    const files: string[] = [];
    for (const f of body.matchAll(
      /<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>|<select\b([^>]*)>([\s\S]*?)<\/select>/gi,
    )) {
      if (f[0].toLowerCase().startsWith("<select")) {
        const a = attributesOf(`<select${f[3] ?? ""}>`);
        if (a.name === undefined || "disabled" in a) continue;
        const options = [...(f[4] ?? "").matchAll(/<option\b[^>]*>/gi)].map((o) => attributesOf(o[0]));
        const chosen = options.find((o) => "selected" in o) ?? options[0];
        if (chosen) fields.push([a.name, chosen.value ?? ""]);
        continue;
      }
      if (f[0].toLowerCase().startsWith("<textarea")) {
        const a = attributesOf(`<textarea${f[1] ?? ""}>`);
        if (a.name !== undefined && !("disabled" in a)) fields.push([a.name, decodeEntities(f[2] ?? "").replace(/^\n/, "")]);
        continue;
      }
      const a = attributesOf(f[0]);
      const type = (a.type ?? "text").toLowerCase();
      if (a.name === undefined || "disabled" in a) continue;
      if (type === "file") {
        files.push(a.name);
        continue;
      }
      if (["submit", "button", "image", "reset"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !("checked" in a)) continue;
      fields.push([a.name, a.value ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
    }
    forms.push({ attributes: attributesOf(open), fields, files });
  }
  return forms;
}

export const fieldOf = (form: HtmlForm, name: string): string | undefined => form.fields.find(([n]) => n === name)?.[1];

/**
 * The server action a form posts to. React renders a no-JavaScript form for a server action
 * either as `$ACTION_ID_<id>` (an unbound action) or, for an action with bound arguments (as
 * useActionState passes its state), as `$ACTION_REF_<n>` plus `$ACTION_<n>:0` = {"id": …}.
 */
export function actionIdOf(form: HtmlForm): string | null {
  for (const [name, value] of form.fields) {
    if (name.startsWith("$ACTION_ID_")) return name.slice("$ACTION_ID_".length);
    if (/^\$ACTION_\d+:0$/.test(name)) {
      try {
        const parsed = JSON.parse(value) as { id?: unknown };
        if (typeof parsed.id === "string") return parsed.id;
      } catch {
        // not the reference we look for
      }
    }
  }
  return null;
}

/**
 * A form's fields with some replaced or added (replaced in place, added at the end). A value of
 * `undefined` leaves the field out (a missing field); an array sends the field once per value
 * (a repeated field).
 */
export function withFields<V extends FieldValue = string>(
  form: HtmlForm,
  values: Record<string, V | readonly V[] | undefined>,
): [string, string | V][] {
  const out: [string, string | V][] = [];
  const done = new Set<string>();
  const put = (name: string) => {
    done.add(name);
    const value = values[name];
    if (value === undefined) return;
    for (const v of Array.isArray(value) ? (value as readonly V[]) : [value as V]) out.push([name, v]);
  };
  for (const [name, value] of form.fields) {
    if (!(name in values)) out.push([name, value]);
    else if (!done.has(name)) put(name);
  }
  for (const name of Object.keys(values)) if (!done.has(name)) put(name);
  return out;
}

/** A multipart/form-data body, as a browser encodes a form with enctype="multipart/form-data". */
export function multipart(fields: readonly (readonly [string, FieldValue])[]): { body: Buffer; contentType: string } {
  const boundary = `----HearthForm${randomBytes(12).toString("hex")}`;
  const escapeName = (name: string) => name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const parts = fields.map(([name, value]) => {
    const disposition = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
    if (typeof value === "string") {
      return Buffer.from(`${disposition}\r\n\r\n${value.replace(/\r?\n/g, "\r\n")}\r\n`, "utf8");
    }
    if (isFilePart(value)) {
      const head = `${disposition}; filename="${escapeName(value.filename)}"\r\nContent-Type: ${value.contentType ?? "application/octet-stream"}\r\n\r\n`;
      const data = typeof value.data === "string" ? Buffer.from(value.data, "utf8") : value.data;
      return Buffer.concat([Buffer.from(head, "utf8"), data, Buffer.from("\r\n")]);
    }
    return Buffer.concat([Buffer.from(`${disposition}\r\n\r\n`, "utf8"), value.bytes, Buffer.from("\r\n")]);
  });
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`, "utf8")]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Percent-encodes bytes as application/x-www-form-urlencoded does (space as +). */
function formEscape(bytes: Buffer): string {
  let out = "";
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9*\-._]/.test(c)) out += c;
    else if (b === 0x20) out += "+";
    else out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/**
 * A form's fields as a browser sends them without enctype: application/x-www-form-urlencoded.
 * A file cannot be sent this way: its name is sent instead, as a browser does.
 */
export function urlencoded(fields: readonly (readonly [string, FieldValue])[]): { body: Buffer; contentType: string } {
  const pairs = fields.map(([name, value]) => {
    const bytes =
      typeof value === "string"
        ? Buffer.from(value.replace(/\r?\n/g, "\r\n"), "utf8")
        : isFilePart(value)
          ? Buffer.from(value.filename, "utf8")
          : value.bytes;
    return `${formEscape(Buffer.from(name, "utf8"))}=${formEscape(bytes)}`;
  });
  return { body: Buffer.from(pairs.join("&"), "latin1"), contentType: "application/x-www-form-urlencoded" };
}

/** The encoding a browser uses for a form (React gives server-action forms multipart/form-data). */
export type FormEncoding = "multipart" | "urlencoded";

export const encodingOf = (form: HtmlForm): FormEncoding =>
  (form.attributes.enctype ?? "").toLowerCase() === "multipart/form-data" ? "multipart" : "urlencoded";

/** A form body in the given encoding. */
export const encodeForm = (fields: readonly (readonly [string, FieldValue])[], encoding: FormEncoding) =>
  encoding === "multipart" ? multipart(fields) : urlencoded(fields);
