/**
 * Forms over plain HTTP, as a browser without JavaScript sends them: fetch the page, read the
 * <form> (its hidden `$ACTION_*` fields name the server action), post its fields, with some
 * replaced, to the page's URL. For the malformed-input suite, which sends what no browser would.
 * Plain fetch, not Playwright's request context: that one keeps the cookies a server sets, and a
 * visitor here is exactly the cookie it is given.
 */
import { baseURL } from "../../playwright.config";
import {
  actionIdOf,
  encodeForm,
  encodingOf,
  parseForms,
  withFields,
  type FieldValue,
  type FormEncoding,
  type HtmlForm,
} from "../../tests/support/html-forms";

export { withFields, type FieldValue, type HtmlForm };

/** Who sends the requests: a session cookie (or none) and a made-up address (the e2e site trusts X-Forwarded-For). */
export interface Visitor {
  cookie?: string;
  ip: string;
}

let addressSequence = 0;
/** A made-up client address nobody else in the run uses (rate limits are per address). */
export function freshAddress(): string {
  addressSequence += 1;
  const n = (process.pid * 7919 + addressSequence) % 16_000_000;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

export interface Answer {
  status: number;
  /** The Location of a redirect. */
  location: string | null;
  contentType: string;
  text: string;
}

function headersFor(visitor: Visitor, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "x-forwarded-for": visitor.ip,
    ...(visitor.cookie ? { cookie: visitor.cookie } : {}),
    ...extra,
  };
}

async function answerOf(response: Response): Promise<Answer> {
  return {
    status: response.status,
    location: response.headers.get("location"),
    contentType: response.headers.get("content-type") ?? "",
    text: await response.text(),
  };
}

/** GET `path` (or a full URL) without following redirects. */
export async function get(path: string, visitor: Visitor, extra: Record<string, string> = {}): Promise<Answer> {
  return answerOf(await fetch(new URL(path, baseURL), { headers: headersFor(visitor, extra), redirect: "manual" }));
}

/** POST a raw body to `path` without following redirects (same-origin, as a form is). */
export async function post(
  path: string,
  visitor: Visitor,
  body: { body: Buffer | string; contentType: string },
  extra: Record<string, string> = {},
): Promise<Answer> {
  return answerOf(
    await fetch(new URL(path, baseURL), {
      method: "POST",
      headers: headersFor(visitor, { "content-type": body.contentType, origin: baseURL, accept: "text/html", ...extra }),
      body: typeof body.body === "string" ? body.body : new Uint8Array(body.body),
      redirect: "manual",
    }),
  );
}

/** A form of a page, found by `pick`, with the server action it posts to. */
export interface PageForm {
  path: string;
  form: HtmlForm;
  actionId: string | null;
  encoding: FormEncoding;
}

/** Opens `path` as `visitor` and returns its form for which `pick` is true. */
export async function formOn(path: string, visitor: Visitor, pick: (form: HtmlForm) => boolean): Promise<PageForm> {
  const page = await get(path, visitor);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}, not the page with the form`);
  const form = parseForms(page.text).find(pick);
  if (!form)
    throw new Error(
      `${path} has no such form (forms: ${parseForms(page.text)
        .map((f) => f.fields.map(([n]) => n).join(","))
        .join(" | ")})`,
    );
  return { path, form, actionId: actionIdOf(form), encoding: encodingOf(form) };
}

/** A form that holds a field named `name`. */
export const hasField = (name: string) => (form: HtmlForm) => form.fields.some(([n]) => n === name);

/**
 * Submits `form` with `values` replaced or added (undefined leaves a field out, an array repeats
 * it), encoded as the form says unless `encoding` is given, to where the form posts.
 */
export async function submit(
  target: PageForm,
  visitor: Visitor,
  values: Record<string, FieldValue | readonly FieldValue[] | undefined>,
  encoding: FormEncoding = target.encoding,
): Promise<Answer> {
  const to =
    target.form.attributes.action && !target.form.attributes.action.startsWith("javascript:")
      ? target.form.attributes.action
      : target.path;
  return post(to, visitor, encodeForm(withFields<FieldValue>(target.form, values), encoding));
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };

/** Text of an HTML fragment: tags dropped, entities decoded, spaces collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] === "#") {
        const n = code[1] === "x" || code[1] === "X" ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
        return Number.isFinite(n) ? String.fromCodePoint(n) : whole;
      }
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The text of the element with id `id` (a field's error is `<field id>-error`), or null. */
export function elementText(html: string, id: string): string | null {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`<([a-z]+)\\b[^>]*\\bid="${escaped}"[^>]*>([\\s\\S]*?)</\\1>`, "i").exec(html);
  return match ? textOf(match[2] ?? "") : null;
}

/** The texts of the page's role="alert" elements (form-level errors), Next's route announcer aside. */
export function alerts(html: string): string[] {
  return [...html.matchAll(/<([a-z]+)\b[^>]*\brole="alert"[^>]*>([\s\S]*?)<\/\1>/gi)]
    .map((m) => textOf(m[2] ?? ""))
    .filter((t) => t !== "");
}

/** Signs of an error leaking out: a stack trace, a file path of the server, a framework error page. */
const LEAKS: [RegExp, string][] = [
  [/\bat (?:async )?[\w$.<>[\] ]+ \((?:file:\/\/|\/|node:|webpack|\.next)[^)]*:\d+:\d+\)/, "a stack frame"],
  [/\n\s+at [^\n]+:\d+:\d+/, "a stack frame"],
  [/\/work\/|node_modules\/|\.next\/server\//, "a server file path"],
  [/PrismaClient\w*Error|Invalid `[^`]*` invocation|SQLITE_\w+|SqliteError/, "a database error"],
  [/Application error: a server-side exception has occurred/, "Next's error page"],
  [/\b(?:TypeError|RangeError|SyntaxError|URIError|ReferenceError): /, "an exception message"],
  [/^Internal Server Error$/m, "a bare Internal Server Error"],
];

/** What in `text` looks like a leaked error, or null. */
export function leakIn(text: string): string | null {
  for (const [pattern, what] of LEAKS) {
    const match = pattern.exec(text);
    if (match) return `${what}: ${match[0].slice(0, 120)}`;
  }
  return null;
}
