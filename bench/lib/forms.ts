// Reading Hearth's forms out of a page's HTML and posting them the way a browser without
// JavaScript does: every field of the form, encoded as the form's enctype says.
import { randomBytes } from "node:crypto";

export interface HtmlForm {
  /** The <form> tag's attributes (names lower-cased). */
  attributes: Record<string, string>;
  /**
   * What a browser submits for the form as rendered, in document order: named <input>s
   * (checkboxes and radios only when checked; no submit buttons, since the pressed button is
   * added by whoever submits) and <textarea>s.
   */
  fields: [string, string][];
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
    for (const f of body.matchAll(/<input\b[^>]*>|<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      if (f[0].toLowerCase().startsWith("<textarea")) {
        const a = attributesOf(`<textarea${f[1] ?? ""}>`);
        if (a.name !== undefined && !("disabled" in a)) fields.push([a.name, decodeEntities(f[2] ?? "").replace(/^\n/, "")]);
        continue;
      }
      const a = attributesOf(f[0]);
      const type = (a.type ?? "text").toLowerCase();
      if (a.name === undefined || "disabled" in a) continue;
      if (["submit", "button", "image", "reset", "file"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !("checked" in a)) continue;
      fields.push([a.name, a.value ?? (type === "checkbox" || type === "radio" ? "on" : "")]);
    }
    forms.push({ attributes: attributesOf(open), fields });
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

/** A form's fields with some replaced or added (replaced in place, added at the end). */
export function withFields(form: HtmlForm, values: Record<string, string>): [string, string][] {
  const fields = form.fields.map(([name, value]): [string, string] => [name, name in values ? (values[name] ?? "") : value]);
  for (const [name, value] of Object.entries(values)) if (!fields.some(([n]) => n === name)) fields.push([name, value]);
  return fields;
}

/** A multipart/form-data body, as a browser encodes a form with enctype="multipart/form-data". */
export function multipart(fields: readonly [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----HearthBench${randomBytes(12).toString("hex")}`;
  const escapeName = (name: string) => name.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const parts = fields.map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value.replace(/\r?\n/g, "\r\n")}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`, "utf8"),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A form's fields as a browser sends them without enctype: application/x-www-form-urlencoded. */
export function urlencoded(fields: readonly [string, string][]): { body: Buffer; contentType: string } {
  const params = new URLSearchParams();
  for (const [name, value] of fields) params.append(name, value.replace(/\r?\n/g, "\r\n"));
  return { body: Buffer.from(params.toString(), "utf8"), contentType: "application/x-www-form-urlencoded" };
}

/** The encoding a browser uses for a form (React gives server-action forms multipart/form-data). */
export type FormEncoding = "multipart" | "urlencoded";

export const encodingOf = (form: HtmlForm): FormEncoding =>
  (form.attributes.enctype ?? "").toLowerCase() === "multipart/form-data" ? "multipart" : "urlencoded";

/** A form body in the given encoding. */
export const encodeForm = (fields: readonly [string, string][], encoding: FormEncoding) =>
  encoding === "multipart" ? multipart(fields) : urlencoded(fields);
