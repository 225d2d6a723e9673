/**
 * The malformed-input suite's forms (e2e/malformed-*.spec.ts): how a form is found and filled,
 * what each row expects, and the runner. A row is posted as a browser without JavaScript posts
 * the form (the page's own <form>, its hidden $ACTION_* fields, multipart to the page's URL).
 * Every answer must be a page with a clear message next to the field (or on top of the form for
 * its hidden fields), or the stated status; never a 5xx or a stack trace. A refused request
 * writes nothing (the database's fingerprint is the same before and after); an accepted one is
 * stored clean (no NUL, which PostgreSQL refuses). A new form is a FormSpec and its rows.
 */
import { test, expect } from "./fixtures";
import type { Db } from "./data";
import { formOn, submit, elementText, alerts, type Answer, type FieldValue, type PageForm, type Visitor } from "./http-forms";
import { expectSafe, fingerprint, INVALID_UTF8, rowsWithNul, wordsOf, type World } from "./malformed";
import type { HtmlForm } from "../../tests/support/html-forms";

export type Values = Record<string, FieldValue | readonly FieldValue[] | undefined>;

/** A form of the site, as the suite finds and fills it. */
export interface FormSpec {
  /** The page that shows the form (and receives its post). */
  page: (w: World) => string;
  /** Who posts it, unless a row says otherwise. */
  who: (w: World) => Promise<Visitor> | Visitor;
  pick: (form: HtmlForm) => boolean;
  /** Values that make the form valid, so each row breaks one thing. `current` reads the form as rendered. */
  valid: (w: World, current: (name: string) => string) => Values;
}

export type Expectation =
  /** The page again, with `message` in the element `<id>-error` next to the field. */
  | { field: string; message: string | RegExp }
  /** The page again, with `message` on top of the form (role=alert). */
  | { alert: string | RegExp }
  /** This HTTP status (a page the visitor may not see, e.g. 403). */
  | { status: number }
  /** Answered without a message (not a request the form makes), and nothing written. */
  | { ignored: true }
  /** Accepted: written, and `check` finds it stored as it should be. */
  | { saved: (db: Db, w: World, answer: Answer) => Promise<void> };

export interface Row {
  name: string;
  values: (w: World) => Values;
  expect: Expectation;
  who?: (w: World) => Promise<Visitor> | Visitor;
  /** Posts as someone else than who opened the form (a forged request). */
  postAs?: (w: World) => Promise<Visitor> | Visitor;
  encoding?: "multipart" | "urlencoded";
}

export const NOT_TEXT = "This field takes text, not a file.";
export const EMAIL_INVALID = "Enter a valid e-mail address, like name@example.com.";
export const file = (data: string | Buffer = "plain text", filename = "note.txt", contentType = "text/plain"): FieldValue => ({
  filename,
  contentType,
  data,
});
export const bytes = (b: Buffer = INVALID_UTF8): FieldValue => ({ bytes: b });
/** Far past any limit (a hundred times a comment's), well under the server's 6 MB body limit. */
export const FAR = 1_000_000;

/** Rows for a text field with a length limit: just past it, far past it, a file, missing. */
export function textField(
  field: string,
  opts: { max: number; tooLong: string | RegExp; missing?: string | RegExp; element?: string },
): Row[] {
  const element = opts.element ?? `field-${field}`;
  const rows: Row[] = [
    {
      name: `${field}: one past ${opts.max}`,
      values: () => ({ [field]: wordsOf(opts.max + 1) }),
      expect: { field: element, message: opts.tooLong },
    },
    {
      name: `${field}: ${FAR.toLocaleString("en-US")} characters`,
      values: () => ({ [field]: wordsOf(FAR) }),
      expect: { field: element, message: opts.tooLong },
    },
    { name: `${field}: a file`, values: () => ({ [field]: file() }), expect: { field: element, message: NOT_TEXT } },
  ];
  if (opts.missing) {
    rows.push(
      { name: `${field}: missing`, values: () => ({ [field]: undefined }), expect: { field: element, message: opts.missing } },
      {
        name: `${field}: only NUL bytes`,
        values: () => ({ [field]: "\u0000\u0000\u0000" }),
        expect: { field: element, message: opts.missing },
      },
    );
  }
  return rows;
}

export const freshReader = async (w: World) => w.as(await w.data.user());

/** The newest comment whose body contains `marker`. */
export async function commentWith(db: Db, marker: string) {
  return db.comment.findFirstOrThrow({ where: { bodyMarkdown: { contains: marker } }, orderBy: { id: "desc" } });
}

/** The smallest PNG there is (a 1×1 transparent pixel). */
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
/** A PNG's header followed by `size` bytes in all. */
export const pngOf = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length, 0)]);

export const idOf = (form: PageForm) => `${form.path} (${form.actionId ?? "no action"})`;

export async function runRows(db: Db, w: World, spec: FormSpec, rows: readonly Row[]): Promise<void> {
  // The form as its usual visitor sees it, read once: the rows that only change values share it.
  let usual: { visitor: Visitor; target: PageForm } | null = null;
  for (const row of rows) {
    await test.step(row.name, async () => {
      let visitor: Visitor;
      let target: PageForm;
      if (row.who) {
        visitor = await row.who(w);
        target = await formOn(spec.page(w), visitor, spec.pick);
      } else {
        if (!usual) {
          const v = await spec.who(w);
          usual = { visitor: v, target: await formOn(spec.page(w), v, spec.pick) };
        }
        ({ visitor, target } = usual);
      }
      const current = (name: string) => target.form.fields.find(([n]) => n === name)?.[1] ?? "";
      const values = { ...spec.valid(w, current), ...row.values(w) };
      const before = await fingerprint(db, w);
      const answer = await submit(target, row.postAs ? await row.postAs(w) : visitor, values, row.encoding);
      const what = `${row.name} → ${idOf(target)}`;
      expectSafe(answer, what);
      const e = row.expect;
      if ("saved" in e) {
        expect
          .soft([200, 303], `${what}: not accepted (${answer.status}; alerts ${JSON.stringify(alerts(answer.text))})`)
          .toContain(answer.status);
        if (answer.status === 200) {
          const errors = [...answer.text.matchAll(/id="([^"]+-error)"[^>]*>([^<]*)</g)].map((m) => `${m[1]}: ${m[2]}`);
          expect.soft(errors, `${what}: refused`).toEqual([]);
        }
        await e.saved(db, w, answer);
        expect(await rowsWithNul(db), `${what}: stored a NUL byte`).toEqual([]);
        return;
      }
      if ("status" in e) {
        expect.soft(answer.status, what).toBe(e.status);
      } else {
        expect.soft(answer.status, `${what}: not the form again`).toBe(200);
        if ("field" in e) {
          const shown = elementText(answer.text, `${e.field}-error`);
          expect
            .soft(shown, `${what}: no message next to ${e.field} (alerts: ${JSON.stringify(alerts(answer.text))})`)
            .not.toBeNull();
          if (shown !== null) expect.soft(shown, what).toMatch(e.message instanceof RegExp ? e.message : exactly(e.message));
        } else if ("alert" in e) {
          const shown = alerts(answer.text);
          expect
            .soft(
              shown.some((t) => (e.alert instanceof RegExp ? e.alert.test(t) : t === e.alert)),
              `${what}: alerts ${JSON.stringify(shown)}`,
            )
            .toBe(true);
        }
      }
      expect.soft(await fingerprint(db, w), `${what}: the database changed`).toBe(before);
    });
  }
}

export const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
