/**
 * Malformed input on the authoring forms: the post editor, deleting a post, importing files.
 * See e2e/support/malformed-forms.ts for what every row must get.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { hasField } from "./support/http-forms";
import { createWorld, INVALID_UTF8, wordsOf, type World } from "./support/malformed";
import { bytes, file, NOT_TEXT, pngOf, runRows, textField, type FormSpec, type Row } from "./support/malformed-forms";

const editorForm: FormSpec = {
  page: () => "/dashboard/posts/new",
  who: (w) => w.as(w.author),
  pick: hasField("bodyMarkdown"),
  valid: (w) => ({ title: `A malformed draft ${w.data.unique()}`, bodyMarkdown: "Some words.", intent: "save" }),
};

const SLUG_RULE = "Use lowercase letters, digits and single hyphens (for example my-first-essay).";
const NOT_A_DATE = "That is not a date and time.";
const editorRows: Row[] = [
  ...textField("title", { max: 200, tooLong: "At most 200 characters.", missing: "Give the essay a title." }),
  ...textField("bodyMarkdown", { max: 200_000, tooLong: "The essay is too long: at most 200,000 characters." }),
  {
    name: "bodyMarkdown of 5,000,000 characters (just under the request limit)",
    values: () => ({ bodyMarkdown: wordsOf(5_000_000) }),
    expect: { field: "field-bodyMarkdown", message: "The essay is too long: at most 200,000 characters." },
  },
  {
    name: "preview of a body past the limit",
    values: () => ({ bodyMarkdown: wordsOf(200_001), intent: "preview" }),
    expect: { field: "field-bodyMarkdown", message: "The essay is too long: at most 200,000 characters." },
  },
  {
    name: "preview of a file",
    values: () => ({ bodyMarkdown: file(), intent: "preview" }),
    expect: { field: "field-bodyMarkdown", message: NOT_TEXT },
  },
  ...textField("excerpt", { max: 500, tooLong: "At most 500 characters." }),
  ...textField("coverAlt", { max: 300, tooLong: "At most 300 characters." }),
  {
    name: "slug with capitals and spaces",
    values: () => ({ slug: "Not A Slug!" }),
    expect: { field: "field-slug", message: SLUG_RULE },
  },
  { name: "slug with a NUL byte", values: () => ({ slug: "a\u0000b" }), expect: { field: "field-slug", message: SLUG_RULE } },
  { name: "slug of invalid UTF-8", values: () => ({ slug: bytes() }), expect: { field: "field-slug", message: SLUG_RULE } },
  {
    name: "slug of 81 characters",
    values: () => ({ slug: "s".repeat(81) }),
    expect: { field: "field-slug", message: "At most 80 characters." },
  },
  { name: "slug a file", values: () => ({ slug: file() }), expect: { field: "field-slug", message: NOT_TEXT } },
  {
    name: "21 tags",
    values: () => ({ tags: Array.from({ length: 21 }, (_, i) => `tag${i}`).join(",") }),
    expect: { field: "field-tags", message: "At most 20 tags." },
  },
  {
    name: "a tag of 51 characters",
    values: () => ({ tags: "t".repeat(51) }),
    expect: { field: "field-tags", message: "A tag may have at most 50 characters." },
  },
  {
    name: "tags of 2,001 characters",
    values: () => ({ tags: "t,".repeat(1001) }),
    expect: { field: "field-tags", message: "Too many tags." },
  },
  {
    name: "a tag of punctuation only",
    values: () => ({ tags: "!!!, ???" }),
    expect: { field: "field-tags", message: "A tag needs at least one letter or digit." },
  },
  { name: "a tag of NUL bytes only", values: () => ({ tags: "\u0000\u0000" }), expect: { saved: async () => {} } },
  {
    name: "coverImage outside the uploads",
    values: () => ({ coverImage: "/etc/passwd" }),
    expect: { field: "field-cover", message: "Upload the image again." },
  },
  {
    name: "cover a text file",
    values: () => ({ cover: file("hello", "cover.png", "image/png") }),
    expect: { field: "field-cover", message: "That file is not a PNG, JPEG, GIF or WebP image." },
  },
  {
    name: "cover as text",
    values: () => ({ cover: "cover.png" }),
    expect: { field: "field-cover", message: "Choose an image file." },
  },
  {
    name: "cover one byte past 5 MB",
    values: () => ({ cover: file(pngOf(5 * 1024 * 1024 + 1), "big.png", "image/png") }),
    expect: { field: "field-cover", message: "The image is too large: at most 5 MB." },
  },
  {
    name: "schedule with a date that is not one",
    values: () => ({ intent: "schedule", publishAt: "1e999" }),
    expect: { field: "field-publishAt", message: NOT_A_DATE },
  },
  {
    name: "schedule on 31 February",
    values: () => ({ intent: "schedule", publishAt: "2031-02-31T10:00" }),
    expect: { field: "field-publishAt", message: NOT_A_DATE },
  },
  {
    name: "schedule with a NUL byte",
    values: () => ({ intent: "schedule", publishAt: "2031-01-01T10:00\u0000" }),
    expect: { field: "field-publishAt", message: NOT_A_DATE },
  },
  {
    name: "schedule with a file",
    values: () => ({ intent: "schedule", publishAt: file() }),
    expect: { field: "field-publishAt", message: NOT_TEXT },
  },
  {
    name: "schedule without a date",
    values: () => ({ intent: "schedule", publishAt: undefined }),
    expect: { field: "field-publishAt", message: "Pick a date and time." },
  },
  {
    name: "schedule with an offset of 0x10",
    values: () => ({ intent: "schedule", publishAt: "2031-01-01T10:00", tzOffset: "0x10" }),
    expect: { field: "field-publishAt", message: "Not a time-zone offset." },
  },
  {
    name: "schedule with an offset of 99999 minutes",
    values: () => ({ intent: "schedule", publishAt: "2031-01-01T10:00", tzOffset: "9999" }),
    expect: { field: "field-publishAt", message: NOT_A_DATE },
  },
  {
    name: "id of another author's post",
    values: (w) => ({ id: w.otherEssay.id }),
    expect: { alert: /You don[’']t have permission to change this post\./ },
  },
  {
    name: "id of a post that does not exist",
    values: () => ({ id: "cnosuchpost0000000000000" }),
    expect: { alert: "This post no longer exists." },
  },
  {
    name: "id with a NUL byte",
    values: (w) => ({ id: `${w.essay.id}\u0000` }),
    expect: { alert: "This post no longer exists." },
  },
  { name: "id of 500 characters", values: () => ({ id: "i".repeat(500) }), expect: { alert: "This post no longer exists." } },
  { name: "id a file", values: () => ({ id: file() }), expect: { alert: "This post no longer exists." } },
  {
    name: "title, body, excerpt and tags with NUL bytes: saved without them",
    values: () => ({
      title: "NUL\u0000 title marker-5",
      bodyMarkdown: "Body\u0000 text\r\nsecond line",
      excerpt: "Ex\u0000cerpt",
      tags: "nul\u0000tag",
      coverAlt: "A\u0000lt",
    }),
    expect: {
      saved: async (db) => {
        const post = await db.post.findFirstOrThrow({
          where: { title: "NUL title marker-5" },
          select: { bodyMarkdown: true, excerpt: true, coverAlt: true, tags: { select: { tag: { select: { name: true } } } } },
        });
        expect(post).toEqual({
          bodyMarkdown: "Body text\nsecond line",
          excerpt: "Excerpt",
          coverAlt: null,
          tags: [{ tag: { name: "nultag" } }],
        });
      },
    },
  },
];

const deletePostForm: FormSpec = {
  page: (w) => `/dashboard/posts/${w.essay.id}/delete`,
  who: (w) => w.as(w.author),
  pick: hasField("id"),
  valid: () => ({}),
};

const CONFIRM = "Tick the box to confirm that the post and its comments go.";
const deletePostRows: Row[] = [
  {
    name: "without the confirmation",
    values: () => ({ confirm: undefined }),
    expect: { field: "field-confirm", message: CONFIRM },
  },
  { name: 'confirmation "yes"', values: () => ({ confirm: "yes" }), expect: { field: "field-confirm", message: CONFIRM } },
  { name: "confirmation a file", values: () => ({ confirm: file() }), expect: { field: "field-confirm", message: CONFIRM } },
  {
    name: "another author's post, confirmed",
    values: (w) => ({ id: w.otherEssay.id, confirm: "on" }),
    expect: { alert: /You don[’']t have permission to change this post\./ },
  },
  {
    name: "a post that does not exist, confirmed",
    values: () => ({ id: "cnosuchpost0000000000000", confirm: "on" }),
    expect: { alert: "This post no longer exists." },
  },
  {
    name: "an id with a NUL byte, confirmed",
    values: (w) => ({ id: `${w.essay.id}\u0000`, confirm: "on" }),
    expect: { alert: "This post no longer exists." },
  },
  {
    name: "no id, confirmed",
    values: () => ({ id: undefined, confirm: "on" }),
    expect: { alert: "This post no longer exists." },
  },
];

const importForm: FormSpec = {
  page: () => "/dashboard/import",
  who: (w) => w.as(w.author),
  pick: (f) => f.files.includes("files"),
  valid: () => ({}),
};

const markdown = (title: string, body = "Some words.") => `---\ntitle: ${title}\n---\n\n${body}\n`;
const importRows: Row[] = [
  {
    name: "text where the files go",
    values: () => ({ files: "essay.md" }),
    expect: { field: "field-files", message: "Choose one or more Markdown (.md) files." },
  },
  {
    name: "no file",
    values: () => ({ files: file("", "", "application/octet-stream") }),
    expect: { field: "field-files", message: "Choose one or more Markdown (.md) files." },
  },
  {
    name: "51 files",
    values: () => ({ files: Array.from({ length: 51 }, (_, i) => file(markdown(`T${i}`), `t${i}.md`, "text/markdown")) }),
    expect: { field: "field-files", message: "At most 50 files at a time." },
  },
  {
    name: "a file that is not UTF-8",
    values: () => ({ files: file(INVALID_UTF8, "broken.md", "text/markdown") }),
    expect: { alert: "Nothing was imported." },
  },
  {
    name: "a file that is not Markdown",
    values: () => ({ files: file(markdown("Text"), "essay.txt") }),
    expect: { alert: "Nothing was imported." },
  },
  {
    name: "a file past 1 MB",
    values: () => ({ files: file(markdown("Big", wordsOf(1024 * 1024)), "big.md", "text/markdown") }),
    expect: { alert: "Nothing was imported." },
  },
  {
    name: "a file with NUL bytes: imported without them",
    values: () => ({ files: file(markdown("Imported\u0000 marker-6", "Body\u0000 of it."), "nul.md", "text/markdown") }),
    expect: {
      saved: async (db) => {
        const post = await db.post.findFirstOrThrow({ where: { title: "Imported marker-6" }, select: { bodyMarkdown: true } });
        expect(post.bodyMarkdown).toContain("Body of it.");
      },
    },
  },
];

test.describe("malformed input on the authoring forms", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    world = await createWorld(db, await playwright.request.newContext({ baseURL }));
  });

  test("the post editor", async ({ db }) => {
    await runRows(db, world, editorForm, editorRows);
  });

  test("deleting a post, importing files", async ({ db }) => {
    await runRows(db, world, deletePostForm, deletePostRows);
    await runRows(db, world, importForm, importRows);
  });
});
