/**
 * Front matter as static-site blogs write it: a block of `key: value` lines between `---`
 * fences at the top of a Markdown file. This reads the small part of YAML those blocks use —
 * plain and quoted strings, booleans, dates, lists as `[a, b]` or as `- item` lines, and `|` /
 * `>` block text — and reports anything else as an error with its line number, rather than
 * guessing. Pure, so it is unit-tested.
 */

export type FrontMatterValue = string | boolean | null | string[];

export type FrontMatterResult = { ok: true; data: Record<string, FrontMatterValue>; body: string } | { ok: false; error: string };

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;
const KEY_LINE = /^([A-Za-z_][\w-]*)\s*:(?:\s+(.*)|\s*)$/;
const LIST_ITEM = /^\s*-(?:\s+(.*)|\s*)$/;

/** Removes a trailing ` # comment` outside quotes. */
function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote) {
      if (ch === "\\" && quote === '"') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === "#" && (i === 0 || /\s/.test(raw[i - 1] ?? ""))) {
      return raw.slice(0, i).trimEnd();
    }
  }
  return raw.trimEnd();
}

/** A double- or single-quoted string's content, or an error. */
function unquote(raw: string): { ok: true; value: string } | { ok: false; error: string } {
  const q = raw[0];
  if (q === "'") {
    if (!/^'(?:[^']|'')*'$/.test(raw)) return { ok: false, error: "a quoted text is not closed" };
    return { ok: true, value: raw.slice(1, -1).replace(/''/g, "'") };
  }
  if (!/^"(?:[^"\\]|\\.)*"$/.test(raw)) return { ok: false, error: "a quoted text is not closed" };
  const escapes: Record<string, string> = { n: "\n", t: "\t", '"': '"', "\\": "\\", "/": "/", "'": "'", "0": "\0" };
  let bad = false;
  const value = raw.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    if (e.startsWith("u") && e.length === 5) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    const out = escapes[e];
    if (out === undefined) bad = true;
    return out ?? e;
  });
  return bad ? { ok: false, error: "unknown escape in a quoted text" } : { ok: true, value };
}

/** A scalar: quoted or plain text, true/false, null/~ (empty) . */
function scalar(raw: string): { ok: true; value: string | boolean | null } | { ok: false; error: string } {
  const text = raw.trim();
  if (text === "" || text === "~" || text === "null") return { ok: true, value: null };
  if (text.startsWith('"') || text.startsWith("'")) return unquote(text);
  if (/^(true|false)$/i.test(text)) return { ok: true, value: text.toLowerCase() === "true" };
  if (/^[{[&*!|>%@`]/.test(text)) return { ok: false, error: `unsupported value "${text}"` };
  return { ok: true, value: text };
}

/** `[a, "b, c", d]` → ["a", "b, c", "d"]. */
function inlineList(raw: string): { ok: true; value: string[] } | { ok: false; error: string } {
  const inner = raw.trim().slice(1, -1);
  const items: string[] = [];
  let current = "";
  let quote: string | null = null;
  const push = (): { ok: false; error: string } | null => {
    const piece = current.trim();
    current = "";
    if (piece === "") return null;
    const parsed = scalar(piece);
    if (!parsed.ok) return parsed;
    if (parsed.value !== null) items.push(String(parsed.value));
    return null;
  };
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] ?? "";
    if (quote) {
      current += ch;
      if (ch === "\\" && quote === '"') current += inner[++i] ?? "";
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ",") {
      const err = push();
      if (err) return err;
    } else if (ch === "[" || ch === "]" || ch === "{" || ch === "}") {
      return { ok: false, error: "nested lists are not supported" };
    } else {
      current += ch;
    }
  }
  if (quote) return { ok: false, error: "a quoted text is not closed" };
  const err = push();
  if (err) return err;
  return { ok: true, value: items };
}

/**
 * Splits a Markdown file into its front matter and body. A file without front matter is an
 * error (the import needs at least a title); so is a block that is never closed.
 */
export function parseFrontMatter(source: string): FrontMatterResult {
  const lines = source.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  if (!FENCE.test(lines[0] ?? "")) return { ok: false, error: "no front matter (the file must start with a --- line)" };
  const end = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (end === -1) return { ok: false, error: "front matter is not closed (missing ---)" };

  const data: Record<string, FrontMatterValue> = {};
  let listKey: string | null = null;
  const blockLists = new Set<string>();
  for (let i = 1; i < end; i++) {
    const lineNo = i + 1;
    const line = lines[i] ?? "";
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (!listKey) return { ok: false, error: `line ${lineNo}: a list item without a key above it` };
      const parsed = scalar(stripComment(item[1] ?? ""));
      if (!parsed.ok) return { ok: false, error: `line ${lineNo}: ${parsed.error}` };
      if (parsed.value !== null) (data[listKey] as string[]).push(String(parsed.value));
      continue;
    }
    if (/^\s/.test(line)) return { ok: false, error: `line ${lineNo}: unexpected indentation` };
    const m = KEY_LINE.exec(line);
    if (!m) return { ok: false, error: `line ${lineNo}: expected "key: value"` };
    const key = (m[1] ?? "").toLowerCase();
    if (Object.hasOwn(data, key)) return { ok: false, error: `line ${lineNo}: "${key}" is given twice` };
    const raw = stripComment(m[2] ?? "");
    listKey = null;
    if (raw === "") {
      // Either an empty value or the start of a "- item" list.
      data[key] = [];
      listKey = key;
      blockLists.add(key);
      continue;
    }
    if (raw === "|" || raw === ">" || raw === "|-" || raw === ">-") {
      const block: string[] = [];
      while (i + 1 < end && (/^\s+\S/.test(lines[i + 1] ?? "") || (lines[i + 1] ?? "").trim() === "")) {
        block.push((lines[++i] ?? "").trim());
      }
      const text = raw.startsWith("|") ? block.join("\n") : block.join(" ").replace(/\s+/g, " ");
      data[key] = text.trim();
      continue;
    }
    if (raw.startsWith("[")) {
      if (!raw.endsWith("]")) return { ok: false, error: `line ${lineNo}: a [list] is not closed` };
      const list = inlineList(raw);
      if (!list.ok) return { ok: false, error: `line ${lineNo}: ${list.error}` };
      data[key] = list.value;
      continue;
    }
    const parsed = scalar(raw);
    if (!parsed.ok) return { ok: false, error: `line ${lineNo}: ${parsed.error}` };
    data[key] = parsed.value;
  }
  // A key with nothing under it is empty, not an empty list.
  for (const key of blockLists) if ((data[key] as string[]).length === 0) data[key] = null;

  const body = lines
    .slice(end + 1)
    .join("\n")
    .replace(/^\s*\n/, "");
  return { ok: true, data, body };
}

/**
 * A front-matter date: `2024-03-05`, `2024-03-05 14:30`, `2024-03-05T14:30:00`, with seconds,
 * fractions and a zone (`Z`, `+01:00`, `+0100`) optional. Without a zone it is UTC. Null when
 * it is not a real date.
 */
export function parseFrontMatterDate(raw: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((k) => Number(m[k] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || check.getUTCHours() !== h || mi > 59 || s > 59) return null;
  let offset = 0;
  const zone = m[7];
  if (zone && zone.toUpperCase() !== "Z") {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z) return null;
    offset = (z[1] === "-" ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
  }
  return new Date(utc - offset * 60_000);
}

/** What one imported file asks for, once its front matter is read and checked. */
export interface ImportCandidate {
  title: string;
  slug: string | null;
  date: Date | null;
  tags: string[];
  excerpt: string | null;
  draft: boolean;
  body: string;
}

function text(value: FrontMatterValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return null;
  return String(value).trim() || null;
}

/**
 * Checks a file's front matter for the fields an import uses (title, date, tags, excerpt,
 * draft, slug). Unknown keys are ignored. Returns every problem, not just the first.
 */
export function readImportCandidate(source: string): { ok: true; post: ImportCandidate } | { ok: false; errors: string[] } {
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  const { data, body } = parsed;
  const errors: string[] = [];

  const title = text(data.title);
  if (!title) errors.push("title is missing");
  else if (title.length > 200) errors.push("title is longer than 200 characters");

  let date: Date | null = null;
  if (data.date !== undefined && data.date !== null) {
    const raw = text(data.date);
    date = raw ? parseFrontMatterDate(raw) : null;
    if (!date) errors.push(`date is not a date: ${JSON.stringify(Array.isArray(data.date) ? data.date.join(", ") : data.date)}`);
  }

  let tags: string[] = [];
  const rawTags = data.tags;
  if (Array.isArray(rawTags)) tags = rawTags;
  else if (typeof rawTags === "string") tags = rawTags.split(",");
  else if (rawTags !== undefined && rawTags !== null) errors.push("tags must be a list");
  tags = tags.map((t) => t.trim()).filter(Boolean);
  if (tags.length > 20) errors.push("more than 20 tags");

  let draft = false;
  if (data.draft !== undefined && data.draft !== null) {
    if (typeof data.draft === "boolean") draft = data.draft;
    else errors.push("draft must be true or false");
  }

  const excerpt = text(data.excerpt ?? data.description ?? data.summary);
  if (excerpt && excerpt.length > 500) errors.push("excerpt is longer than 500 characters");

  const slug = text(data.slug);

  if (!body.trim()) errors.push("the essay has no text after the front matter");
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, post: { title: title!, slug, date, tags, excerpt, draft, body } };
}
