/**
 * Malformed input on every form: what no browser sends, posted as a browser without JavaScript
 * posts a form (the page's own <form>, its hidden $ACTION_* fields, multipart to the page's URL).
 * Every answer is a page with a clear message next to the field (or on top of the form for its
 * hidden fields), never a 5xx or a stack trace, and a refused request writes nothing: the
 * database's fingerprint is the same before and after. What is accepted is stored clean (no NUL,
 * which PostgreSQL refuses). Table-driven: a new form is a FormSpec and its rows.
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import {
  formOn,
  hasField,
  submit,
  elementText,
  alerts,
  type Answer,
  type FieldValue,
  type PageForm,
  type Visitor,
} from "./support/http-forms";
import {
  createWorld,
  expectSafe,
  fingerprint,
  INVALID_UTF8,
  NOT_IDS,
  rowsWithNul,
  wordsOf,
  type World,
} from "./support/malformed";
import type { Db } from "./support/data";
import type { HtmlForm } from "../tests/support/html-forms";
import { sessionCookie } from "./support/session";
import { baseURL } from "../playwright.config";

type Values = Record<string, FieldValue | readonly FieldValue[] | undefined>;

/** A form of the site, as the suite finds and fills it. */
interface FormSpec {
  /** The page that shows the form (and receives its post). */
  page: (w: World) => string;
  /** Who posts it, unless a row says otherwise. */
  who: (w: World) => Promise<Visitor> | Visitor;
  pick: (form: HtmlForm) => boolean;
  /** Values that make the form valid, so each row breaks one thing. `current` reads the form as rendered. */
  valid: (w: World, current: (name: string) => string) => Values;
}

type Expectation =
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

interface Row {
  name: string;
  values: (w: World) => Values;
  expect: Expectation;
  who?: (w: World) => Promise<Visitor> | Visitor;
  /** Posts as someone else than who opened the form (a forged request). */
  postAs?: (w: World) => Promise<Visitor> | Visitor;
  encoding?: "multipart" | "urlencoded";
}

const NOT_TEXT = "This field takes text, not a file.";
const file = (data: string | Buffer = "plain text", filename = "note.txt", contentType = "text/plain"): FieldValue => ({
  filename,
  contentType,
  data,
});
const bytes = (b: Buffer = INVALID_UTF8): FieldValue => ({ bytes: b });
/** Far past any limit (a hundred times a comment's), well under the server's 6 MB body limit. */
const FAR = 1_000_000;

/** Rows for a text field with a length limit: just past it, far past it, a file, missing. */
function textField(
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

const freshReader = async (w: World) => w.as(await w.data.user());

/** The newest comment whose body contains `marker`. */
async function commentWith(db: Db, marker: string) {
  return db.comment.findFirstOrThrow({ where: { bodyMarkdown: { contains: marker } }, orderBy: { id: "desc" } });
}

// ---------------------------------------------------------------------------------------------
// The forms

const commentForm: FormSpec = {
  page: (w) => `/posts/${w.essay.slug}`,
  who: (w) => w.as(w.reader),
  pick: hasField("postId"),
  valid: (w) => ({ body: `A considered thought ${w.data.unique()}`, intent: "post" }),
};

const commentRows: Row[] = [
  ...textField("body", { max: 10_000, tooLong: "Keep it under 10,000 characters.", missing: "Write a comment first." }),
  {
    name: "preview of a body past the limit",
    values: () => ({ body: wordsOf(10_001), intent: "preview" }),
    expect: { field: "field-body", message: "Keep it under 10,000 characters." },
  },
  {
    name: "body with NUL bytes and a CR: stored without them",
    who: freshReader,
    values: () => ({ body: "nul-marker-1 before\u0000after\r\nnext line" }),
    expect: {
      saved: async (db) =>
        expect((await commentWith(db, "nul-marker-1")).bodyMarkdown).toBe("nul-marker-1 beforeafter\nnext line"),
    },
  },
  {
    name: "body of invalid UTF-8: stored with replacement characters",
    who: freshReader,
    values: () => ({ body: bytes(Buffer.concat([Buffer.from("utf-marker-2 "), INVALID_UTF8])) }),
    expect: {
      saved: async (db) => expect((await commentWith(db, "utf-marker-2")).bodyMarkdown).toMatch(/^utf-marker-2 ok \uFFFD+!$/),
    },
  },
  {
    name: "body sent twice: the first one counts",
    who: freshReader,
    values: () => ({ body: ["twice-marker-3 first", "second"] }),
    expect: { saved: async (db) => expect((await commentWith(db, "twice-marker-3")).bodyMarkdown).toBe("twice-marker-3 first") },
  },
  {
    name: "postId of an essay that does not exist",
    values: () => ({ postId: "cnosuchpost0000000000000" }),
    expect: { alert: "This essay is not open for comments." },
  },
  {
    name: "postId of a draft",
    values: (w) => ({ postId: w.draft.id }),
    expect: { alert: "This essay is not open for comments." },
  },
  {
    name: "postId with a NUL byte",
    values: (w) => ({ postId: `${w.essay.id}\u0000` }),
    expect: { alert: "This essay is not open for comments." },
  },
  {
    name: "postId of 500 characters",
    values: () => ({ postId: "c".repeat(500) }),
    expect: { alert: "This essay is not open for comments." },
  },
  { name: "postId missing", values: () => ({ postId: undefined }), expect: { alert: "This essay is not open for comments." } },
  { name: "postId a file", values: () => ({ postId: file() }), expect: { alert: "This essay is not open for comments." } },
  ...NOT_IDS.map((id): Row => ({
    name: `parentId ${JSON.stringify(id)}`,
    values: () => ({ parentId: id }),
    expect: { alert: "The comment you are replying to is no longer available." },
  })),
  {
    name: "parentId of a comment on another essay",
    values: (w) => ({ parentId: String(w.foreignComment.id) }),
    expect: { alert: /replying to is no longer available/ },
  },
  {
    name: "parentId of a deleted comment",
    values: (w) => ({ parentId: String(w.deletedComment.id) }),
    expect: { alert: /replying to is no longer available/ },
  },
  {
    name: "parentId of a comment that never existed",
    values: () => ({ parentId: "2147483647" }),
    expect: { alert: /replying to is no longer available/ },
  },
  {
    name: "urlencoded instead of multipart (not a server action post)",
    encoding: "urlencoded",
    values: () => ({}),
    expect: { ignored: true },
  },
];

const guestCommentForm: FormSpec = {
  page: (w) => `/posts/${w.essay.slug}`,
  who: (w) => w.guest(),
  pick: hasField("postId"),
  valid: (w) => ({
    body: `A guest's thought ${w.data.unique()}`,
    name: "Gwen Guest",
    email: w.data.email("guest"),
    url: "",
    intent: "post",
  }),
};

const EMAIL_INVALID = "Enter a valid e-mail address, like name@example.com.";
const URL_INVALID = "Enter a web address starting with http:// or https://.";

const guestCommentRows: Row[] = [
  ...textField("name", { max: 100, tooLong: "Use at most 100 characters.", missing: "Enter your name." }),
  {
    name: "email with a NUL byte",
    values: () => ({ email: "gwen\u0000@e2e.example" }),
    expect: { field: "field-email", message: EMAIL_INVALID },
  },
  {
    name: "email of invalid UTF-8",
    values: () => ({ email: bytes() }),
    expect: { field: "field-email", message: EMAIL_INVALID },
  },
  {
    name: "email of 300 characters",
    values: () => ({ email: `${"g".repeat(290)}@e2e.example` }),
    expect: { field: "field-email", message: "That e-mail address is too long." },
  },
  { name: "email a file", values: () => ({ email: file() }), expect: { field: "field-email", message: NOT_TEXT } },
  {
    name: "email missing",
    values: () => ({ email: undefined }),
    expect: { field: "field-email", message: "Enter your e-mail address." },
  },
  {
    name: "url javascript:",
    values: () => ({ url: "javascript:alert(1)" }),
    expect: { field: "field-url", message: URL_INVALID },
  },
  {
    name: "url of 201 characters",
    values: () => ({ url: `https://e2e.example/${"p".repeat(181)}` }),
    expect: { field: "field-url", message: "Use at most 200 characters." },
  },
  { name: "url a file", values: () => ({ url: file() }), expect: { field: "field-url", message: NOT_TEXT } },
  {
    name: "name and website with NUL bytes: stored without them",
    values: () => ({ body: "guest-marker-4", name: "Gw\u0000en", url: "https://e2e.\u0000example/page" }),
    expect: {
      saved: async (db) => {
        const c = await commentWith(db, "guest-marker-4");
        expect([c.guestName, c.guestUrl]).toEqual(["Gwen", "https://e2e.example/page"]);
      },
    },
  },
];

const editCommentForm: FormSpec = {
  page: (w) => `/posts/${w.essay.slug}?edit=${w.readerComment.id}`,
  who: (w) => w.as(w.reader),
  pick: (f) => hasField("commentId")(f) && hasField("body")(f),
  valid: () => ({ body: "The reader's own comment." }),
};

const editElement = (w: World) => `edit-${w.readerComment.id}`;
const editCommentRows = (w: World): Row[] => [
  ...textField("body", {
    max: 10_000,
    tooLong: "Keep it under 10,000 characters.",
    missing: "Write a comment first.",
    element: editElement(w),
  }),
  {
    name: "commentId of another reader's comment",
    values: (w) => ({ commentId: String(w.otherComment.id) }),
    expect: { alert: /You can[’']t edit this comment\./ },
  },
  {
    name: "commentId of a deleted comment",
    values: (w) => ({ commentId: String(w.deletedComment.id) }),
    expect: { alert: "That comment no longer exists." },
  },
  {
    name: "commentId that never existed",
    values: () => ({ commentId: "2147483647" }),
    expect: { alert: "That comment no longer exists." },
  },
  ...NOT_IDS.map((id): Row => ({
    name: `commentId ${JSON.stringify(id)}`,
    values: () => ({ commentId: id }),
    expect: { alert: "That is not a comment." },
  })),
  { name: "commentId missing", values: () => ({ commentId: undefined }), expect: { alert: "That is not a comment." } },
  {
    name: "body with NUL bytes: saved without them",
    values: () => ({ body: "The reader's own\u0000 comment, edited." }),
    expect: {
      saved: async (db, w) =>
        expect((await db.comment.findUniqueOrThrow({ where: { id: w.readerComment.id } })).bodyMarkdown).toBe(
          "The reader's own comment, edited.",
        ),
    },
  },
];

const deleteCommentForm: FormSpec = {
  page: (w) => `/posts/${w.essay.slug}`,
  who: (w) => w.as(w.reader),
  pick: (f) => hasField("commentId")(f) && !hasField("body")(f),
  valid: () => ({}),
};

const deleteCommentRows: Row[] = [
  {
    name: "commentId of another reader's comment",
    values: (w) => ({ commentId: String(w.otherComment.id) }),
    expect: { alert: /You can[’']t delete this comment\./ },
  },
  {
    name: "commentId of a deleted comment",
    values: (w) => ({ commentId: String(w.deletedComment.id) }),
    expect: { alert: "That comment no longer exists." },
  },
  ...["abc", "1e999", "0x10", "-1", "99999999999999999999", "2147483648"].map((id): Row => ({
    name: `commentId ${JSON.stringify(id)}`,
    values: () => ({ commentId: id }),
    expect: { alert: "That is not a comment." },
  })),
  { name: "commentId a file", values: () => ({ commentId: file() }), expect: { alert: "That is not a comment." } },
];

const signInForm: FormSpec = {
  page: () => "/signin",
  who: (w) => w.guest(),
  pick: hasField("password"),
  valid: (w) => ({ email: w.reader.email, password: "not-the-password-at-all" }),
};

const signInRows: Row[] = [
  {
    name: "email with a NUL byte",
    values: () => ({ email: "someone\u0000@e2e.example" }),
    expect: { field: "field-email", message: EMAIL_INVALID },
  },
  {
    name: "email of invalid UTF-8",
    values: () => ({ email: bytes() }),
    expect: { field: "field-email", message: EMAIL_INVALID },
  },
  {
    name: "email of 300 characters",
    values: () => ({ email: `${"s".repeat(290)}@e2e.example` }),
    expect: { field: "field-email", message: "That e-mail address is too long." },
  },
  {
    name: "email far too long",
    values: () => ({ email: wordsOf(FAR) }),
    expect: { field: "field-email", message: "That e-mail address is too long." },
  },
  { name: "email a file", values: () => ({ email: file() }), expect: { field: "field-email", message: NOT_TEXT } },
  {
    name: "email missing",
    values: () => ({ email: undefined }),
    expect: { field: "field-email", message: "Enter your e-mail address." },
  },
  {
    name: "password of 201 characters",
    values: () => ({ password: "p".repeat(201) }),
    expect: { field: "field-password", message: "Wrong e-mail or password." },
  },
  {
    name: "password far too long",
    values: () => ({ password: "p".repeat(FAR) }),
    expect: { field: "field-password", message: "Wrong e-mail or password." },
  },
  { name: "password a file", values: () => ({ password: file() }), expect: { field: "field-password", message: NOT_TEXT } },
  {
    name: "password missing",
    values: () => ({ password: undefined }),
    expect: { field: "field-password", message: "Enter your password." },
  },
];

const magicLinkForm: FormSpec = {
  page: () => "/signin",
  who: (w) => w.guest(),
  pick: (f) => hasField("email")(f) && !hasField("password")(f),
  valid: () => ({}),
};

const magicLinkRows: Row[] = [
  {
    name: "email with a NUL byte",
    values: () => ({ email: "someone\u0000@e2e.example" }),
    expect: { field: "magic-email", message: EMAIL_INVALID },
  },
  {
    name: "email of 300 characters",
    values: () => ({ email: `${"m".repeat(290)}@e2e.example` }),
    expect: { field: "magic-email", message: "That e-mail address is too long." },
  },
  { name: "email a file", values: () => ({ email: file() }), expect: { field: "magic-email", message: NOT_TEXT } },
  {
    name: "email sent twice, the first one empty",
    values: () => ({ email: ["", "someone@e2e.example"] }),
    expect: { field: "magic-email", message: "Enter your e-mail address." },
  },
];

const signUpForm: FormSpec = {
  page: () => "/signup",
  who: (w) => w.guest(),
  pick: hasField("name"),
  valid: (w) => ({ name: "Sam Signup", email: w.data.email("signup"), password: "ember-kettle-lantern-signup" }),
};

const signUpRows: Row[] = [
  ...textField("name", { max: 100, tooLong: "Use at most 100 characters.", missing: "Enter your name." }),
  {
    name: "email with a NUL byte",
    values: () => ({ email: "new\u0000@e2e.example" }),
    expect: { field: "field-email", message: EMAIL_INVALID },
  },
  {
    name: "email of invalid UTF-8",
    values: () => ({ email: bytes() }),
    expect: { field: "field-email", message: EMAIL_INVALID },
  },
  {
    name: "password of 201 characters",
    values: () => ({ password: "p".repeat(201) }),
    expect: { field: "field-password", message: "Use at most 200 characters." },
  },
  {
    name: "password far too long",
    values: () => ({ password: "p".repeat(FAR) }),
    expect: { field: "field-password", message: "Use at most 200 characters." },
  },
  { name: "password a file", values: () => ({ password: file() }), expect: { field: "field-password", message: NOT_TEXT } },
  {
    name: "password missing",
    values: () => ({ password: undefined }),
    expect: { field: "field-password", message: "Choose a password." },
  },
  {
    name: "name with NUL bytes and a line break: the account is made without them",
    values: (w) => ({ name: "Nu\u0000la\nNight", email: w.data.email("nul-signup") }),
    expect: {
      saved: async (db) => {
        const user = await db.user.findFirstOrThrow({
          where: { email: { startsWith: "nul-signup-" } },
          orderBy: { createdAt: "desc" },
        });
        expect(user.name).toBe("Nula Night");
      },
    },
  },
];

const profileForm: FormSpec = {
  page: () => "/account",
  who: (w) => w.as(w.reader),
  pick: hasField("bio"),
  valid: () => ({ name: "Malformed Reader", bio: "" }),
};

const profileRows: Row[] = [
  ...textField("name", { max: 100, tooLong: "Use at most 100 characters.", missing: "Enter your name." }),
  ...textField("bio", { max: 500, tooLong: "Keep your bio under 500 characters." }),
  {
    name: "bio and name with NUL bytes and tabs: saved without them",
    who: freshReader,
    values: () => ({ name: "Pro\u0000file\tPerson", bio: "Line one\u0000\r\nline two\u0007" }),
    expect: {
      saved: async (db) => {
        const user = await db.user.findFirstOrThrow({ where: { name: "Profile Person" }, orderBy: { updatedAt: "desc" } });
        expect(user.bio).toBe("Line one\nline two");
      },
    },
  },
];

/** The smallest PNG there is (a 1×1 transparent pixel). */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
/** A PNG's header followed by `size` bytes in all. */
const pngOf = (size: number) => Buffer.concat([PNG, Buffer.alloc(size - PNG.length, 0)]);

const avatarForm: FormSpec = {
  page: () => "/account",
  who: (w) => w.as(w.reader),
  pick: (f) => f.files.includes("avatar"),
  valid: () => ({}),
};

const avatarRows: Row[] = [
  {
    name: "text where the picture goes",
    values: () => ({ avatar: "not a file" }),
    expect: { field: "field-avatar", message: "Choose an image file." },
  },
  {
    name: "no picture at all",
    values: () => ({ avatar: undefined }),
    expect: { field: "field-avatar", message: "Choose an image file." },
  },
  {
    name: "an empty file",
    values: () => ({ avatar: file("", "", "application/octet-stream") }),
    expect: { field: "field-avatar", message: "Choose an image file." },
  },
  {
    name: "a text file named .png",
    values: () => ({ avatar: file("hello", "me.png", "image/png") }),
    expect: { field: "field-avatar", message: "That file is not a PNG, JPEG, GIF or WebP image." },
  },
  {
    name: "a PNG one byte past 2 MB",
    values: () => ({ avatar: file(pngOf(2 * 1024 * 1024 + 1), "big.png", "image/png") }),
    expect: { field: "field-avatar", message: "The image is too large: at most 2 MB." },
  },
  {
    name: "a PNG of 5.5 MB",
    values: () => ({ avatar: file(pngOf(5.5 * 1024 * 1024), "huge.png", "image/png") }),
    expect: { field: "field-avatar", message: "The image is too large: at most 2 MB." },
  },
  {
    name: "remove with a value that is not 1",
    values: () => ({ remove: "yes" }),
    expect: { field: "field-avatar", message: "Choose an image file." },
  },
];

const passwordForm: FormSpec = {
  page: () => "/account",
  who: (w) => w.as(w.reader),
  pick: hasField("newPassword"),
  valid: () => ({ newPassword: "ember-kettle-lantern-new", confirmPassword: "ember-kettle-lantern-new" }),
};

const passwordRows: Row[] = [
  {
    name: "new password of 201 characters",
    values: () => ({ newPassword: "p".repeat(201), confirmPassword: "p".repeat(201) }),
    expect: { field: "field-newPassword", message: "Use at most 200 characters." },
  },
  {
    name: "new password far too long",
    values: () => ({ newPassword: "p".repeat(FAR) }),
    expect: { field: "field-newPassword", message: "Use at most 200 characters." },
  },
  {
    name: "new password a file",
    values: () => ({ newPassword: file() }),
    expect: { field: "field-newPassword", message: NOT_TEXT },
  },
  {
    name: "new password missing",
    values: () => ({ newPassword: undefined }),
    expect: { field: "field-newPassword", message: "Choose a new password." },
  },
  {
    name: "repeat missing",
    values: () => ({ confirmPassword: undefined }),
    expect: { field: "field-confirmPassword", message: "Repeat the new password." },
  },
  {
    name: "repeat a file",
    values: () => ({ confirmPassword: file() }),
    expect: { field: "field-confirmPassword", message: NOT_TEXT },
  },
  {
    name: "repeat differs by a NUL byte",
    values: () => ({ confirmPassword: "ember-kettle-lantern-new\u0000" }),
    expect: { field: "field-confirmPassword", message: /The two passwords don[’']t match\./ },
  },
];

const roleForm: FormSpec = {
  page: () => "/admin/users",
  who: (w) => w.as(w.admin),
  pick: hasField("userId"),
  valid: (w) => ({ userId: w.otherReader.id, role: "READER" }),
};

const roleRows: Row[] = [
  ...["SUPERUSER", "", "reader", "ADMIN\u0000", "x".repeat(FAR)].map((role): Row => ({
    name: `role ${JSON.stringify(role.slice(0, 12))}`,
    values: () => ({ role }),
    expect: { alert: "Choose a role." },
  })),
  { name: "role a file", values: () => ({ role: file() }), expect: { alert: "Choose a role." } },
  { name: "role missing", values: () => ({ role: undefined }), expect: { alert: "Choose a role." } },
  {
    name: "userId of nobody",
    values: () => ({ userId: "cnosuchuser00000000000000" }),
    expect: { alert: "That account no longer exists." },
  },
  {
    name: "userId with a NUL byte",
    values: (w) => ({ userId: `${w.otherReader.id}\u0000` }),
    expect: { alert: "That account no longer exists." },
  },
  {
    name: "userId of 500 characters",
    values: () => ({ userId: "u".repeat(500) }),
    expect: { alert: "That account no longer exists." },
  },
  { name: "userId a file", values: () => ({ userId: file() }), expect: { alert: "That account no longer exists." } },
  {
    name: "an author making someone an admin",
    postAs: (w) => w.as(w.author),
    values: () => ({ role: "ADMIN" }),
    expect: { status: 403 },
  },
];

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

const queueForm: FormSpec = {
  page: () => "/dashboard/comments?status=approved",
  who: (w) => w.as(w.author),
  pick: hasField("bulkAction"),
  valid: () => ({}),
};

const NOT_YOURS = /You can[’']t moderate one or more of these comments\. Nothing was changed\./;
const queueRows: Row[] = [
  {
    name: "a comment on another author's essay",
    values: (w) => ({ op: `spam:${w.foreignComment.id}` }),
    expect: { alert: NOT_YOURS },
  },
  {
    name: "bulk, one comment not the author's",
    values: (w) => ({ op: "bulk", bulkAction: "spam", ids: [String(w.otherComment.id), String(w.foreignComment.id)] }),
    expect: { alert: NOT_YOURS },
  },
  {
    name: "a comment that never existed",
    values: () => ({ op: "spam:2147483647" }),
    expect: { alert: "One or more of these comments no longer exist. Nothing was changed." },
  },
  ...NOT_IDS.map((id): Row => ({
    name: `op spam:${id}`,
    values: () => ({ op: `spam:${id}` }),
    expect: { alert: "Unknown action." },
  })),
  { name: "op nuke", values: (w) => ({ op: `nuke:${w.otherComment.id}` }), expect: { alert: "Unknown action." } },
  { name: "op a file", values: () => ({ op: file() }), expect: { alert: "Unknown action." } },
  { name: "op of 100,000 characters", values: () => ({ op: "x".repeat(100_000) }), expect: { alert: "Unknown action." } },
  { name: "no op", values: () => ({ op: undefined }), expect: { alert: "Unknown action." } },
  {
    name: "bulk nuke",
    values: (w) => ({ op: "bulk", bulkAction: "nuke", ids: [String(w.otherComment.id)] }),
    expect: { alert: "Choose an action to apply." },
  },
  {
    name: "bulk action a file",
    values: (w) => ({ op: "bulk", bulkAction: file(), ids: [String(w.otherComment.id)] }),
    expect: { alert: "Choose an action to apply." },
  },
  {
    name: "bulk without comments",
    values: () => ({ op: "bulk", bulkAction: "spam", ids: undefined }),
    expect: { alert: "Select at least one comment." },
  },
  {
    name: "bulk with 201 comments",
    values: (w) => ({ op: "bulk", bulkAction: "spam", ids: Array.from({ length: 201 }, () => String(w.otherComment.id)) }),
    expect: { alert: "Select at most 200 comments at a time." },
  },
  ...NOT_IDS.map((id): Row => ({
    name: `bulk with the id ${JSON.stringify(id)}`,
    values: (w) => ({ op: "bulk", bulkAction: "spam", ids: [String(w.otherComment.id), id] }),
    expect: { alert: "That is not a comment." },
  })),
];

const moderatorEditForm: FormSpec = {
  page: (w) => `/dashboard/comments/${w.otherComment.id}`,
  who: (w) => w.as(w.author),
  pick: hasField("editBody"),
  valid: () => ({ editBody: "Another reader's comment." }),
};

const moderatorEditRows: Row[] = [
  ...textField("editBody", { max: 10_000, tooLong: "Keep it under 10,000 characters.", missing: "Write a comment first." }),
  {
    name: "a comment on another author's essay",
    values: (w) => ({ commentId: String(w.foreignComment.id) }),
    expect: { alert: /You can[’']t moderate this comment\./ },
  },
  {
    name: "a deleted comment",
    values: (w) => ({ commentId: String(w.deletedComment.id) }),
    expect: { alert: "That comment no longer exists." },
  },
  ...NOT_IDS.map((id): Row => ({
    name: `commentId ${JSON.stringify(id)}`,
    values: () => ({ commentId: id }),
    expect: { alert: "That is not a comment." },
  })),
  {
    name: "a body with NUL bytes: saved without them",
    values: () => ({ editBody: "Another reader's\u0000 comment." }),
    expect: {
      saved: async (db, w) =>
        expect((await db.comment.findUniqueOrThrow({ where: { id: w.otherComment.id } })).bodyMarkdown).toBe(
          "Another reader's comment.",
        ),
    },
  },
];

const moderatorReplyForm: FormSpec = {
  page: (w) => `/dashboard/comments/${w.otherComment.id}`,
  who: (w) => w.as(w.author),
  pick: hasField("replyBody"),
  valid: (w) => ({ replyBody: `The author answers ${w.data.unique()}` }),
};

const moderatorReplyRows: Row[] = [
  ...textField("replyBody", { max: 10_000, tooLong: "Keep it under 10,000 characters.", missing: "Write a comment first." }),
  {
    name: "a comment on another author's essay",
    values: (w) => ({ commentId: String(w.foreignComment.id) }),
    expect: { alert: /You can[’']t reply to this comment here\./ },
  },
  {
    name: "a deleted comment",
    values: (w) => ({ commentId: String(w.deletedComment.id) }),
    expect: { alert: "That comment no longer exists." },
  },
  ...["abc", "1e999", "0x10", "-1", "99999999999999999999", "2147483648"].map((id): Row => ({
    name: `commentId ${JSON.stringify(id)}`,
    values: () => ({ commentId: id }),
    expect: { alert: "That is not a comment." },
  })),
  {
    name: "a reply with NUL bytes: published without them",
    values: () => ({ replyBody: "reply-marker-7\u0000 thanks" }),
    expect: { saved: async (db) => expect((await commentWith(db, "reply-marker-7")).bodyMarkdown).toBe("reply-marker-7 thanks") },
  },
];

const settingsForm: FormSpec = {
  page: () => "/dashboard/settings",
  who: (w) => w.as(w.admin),
  pick: hasField("siteTitle"),
  // As rendered: the current settings (the rows change one field each).
  valid: () => ({}),
};

const range = (min: number, max: number) => `Enter a whole number from ${min} to ${max}.`;
const settingsRows: Row[] = [
  ...textField("siteTitle", { max: 80, tooLong: "Use at most 80 characters.", missing: "Give the site a title." }),
  ...textField("siteDescription", { max: 300, tooLong: "Use at most 300 characters." }),
  ...textField("holdWords", { max: 10_000, tooLong: "Keep the list under 10,000 characters." }),
  { name: "blockWords a file", values: () => ({ blockWords: file() }), expect: { field: "field-blockWords", message: NOT_TEXT } },
  ...[...NOT_IDS, "", "2.5", "201"].map((n): Row => ({
    name: `commentsPerPage ${JSON.stringify(n)}`,
    values: () => ({ commentsPerPage: n }),
    expect: { field: "field-commentsPerPage", message: range(1, 200) },
  })),
  {
    name: "commentsPerPage a file",
    values: () => ({ commentsPerPage: file() }),
    expect: { field: "field-commentsPerPage", message: NOT_TEXT },
  },
  {
    name: "commentsPerPage missing",
    values: () => ({ commentsPerPage: undefined }),
    expect: { field: "field-commentsPerPage", message: range(1, 200) },
  },
  { name: "threadDepth 1", values: () => ({ threadDepth: "1" }), expect: { field: "field-threadDepth", message: range(2, 10) } },
  {
    name: "editWindowMinutes -1",
    values: () => ({ editWindowMinutes: "-1" }),
    expect: { field: "field-editWindowMinutes", message: range(0, 1440) },
  },
  {
    name: "commentOrder random",
    values: () => ({ commentOrder: "random" }),
    expect: { field: "field-commentOrder", message: "Choose an order." },
  },
  {
    name: "commentOrder a file",
    values: () => ({ commentOrder: file() }),
    expect: { field: "field-commentOrder", message: "Choose an order." },
  },
  {
    name: "hourly flood limit under the per-minute one",
    values: () => ({ floodPerMinute: "50", floodPerHour: "10" }),
    expect: { field: "field-floodPerHour", message: "The hourly limit cannot be lower than the limit per minute." },
  },
  {
    name: "an author changing the settings",
    postAs: (w) => w.as(w.author),
    values: () => ({ siteTitle: "Taken over" }),
    expect: { status: 403 },
  },
];

/** The settings rows that save: they keep every value as it was, with NUL bytes typed into it. */
const settingsSavedRows = (before: { siteTitle: string; siteDescription: string; holdWords: string }): Row[] => [
  {
    name: "title, description and a word list with NUL bytes: saved without them (so unchanged)",
    values: () => ({
      siteTitle: `${before.siteTitle.slice(0, 1)}\u0000${before.siteTitle.slice(1)}`,
      siteDescription: `${before.siteDescription}\u0000`,
      holdWords: `\u0000${before.holdWords}`,
    }),
    expect: {
      saved: async (db) =>
        expect(
          await db.settings.findUniqueOrThrow({
            where: { id: 1 },
            select: { siteTitle: true, siteDescription: true, holdWords: true },
          }),
        ).toEqual(before),
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Running the rows

const idOf = (form: PageForm) => `${form.path} (${form.actionId ?? "no action"})`;

async function runRows(db: Db, w: World, spec: FormSpec, rows: readonly Row[]): Promise<void> {
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

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

test.describe("malformed input on every form", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    const request = await playwright.request.newContext({ baseURL });
    world = await createWorld(db, request);
  });

  test("the comment form (signed in)", async ({ db }) => {
    await runRows(db, world, commentForm, commentRows);
  });

  test("the comment form (guest)", async ({ db }) => {
    await runRows(db, world, guestCommentForm, guestCommentRows);
  });

  test("editing and deleting a comment", async ({ db }) => {
    await runRows(db, world, editCommentForm, editCommentRows(world));
    await runRows(db, world, deleteCommentForm, deleteCommentRows);
  });

  test("sign in, magic link and sign up", async ({ db }) => {
    await runRows(db, world, signInForm, signInRows);
    await runRows(db, world, magicLinkForm, magicLinkRows);
    await runRows(db, world, signUpForm, signUpRows);
  });

  test("the account page: profile, avatar, password", async ({ db }) => {
    await runRows(db, world, profileForm, profileRows);
    await runRows(db, world, avatarForm, avatarRows);
    await runRows(db, world, passwordForm, passwordRows);
  });

  test("the admin's role form", async ({ db }) => {
    await runRows(db, world, roleForm, roleRows);
  });

  test("the post editor, deleting a post, importing", async ({ db }) => {
    await runRows(db, world, editorForm, editorRows);
    await runRows(db, world, deletePostForm, deletePostRows);
    await runRows(db, world, importForm, importRows);
  });

  test("moderation: the queue, a moderator's edit and reply", async ({ db }) => {
    await runRows(db, world, queueForm, queueRows);
    await runRows(db, world, moderatorEditForm, moderatorEditRows);
    await runRows(db, world, moderatorReplyForm, moderatorReplyRows);
  });

  test("site settings", async ({ db }) => {
    await runRows(db, world, settingsForm, settingsRows);
    const before = await db.settings.findUniqueOrThrow({
      where: { id: 1 },
      select: { siteTitle: true, siteDescription: true, holdWords: true },
    });
    await runRows(db, world, settingsForm, settingsSavedRows(before));
  });

  test("nothing stored holds a NUL byte", async ({ db }) => {
    expect(await rowsWithNul(db)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// In a browser: the message is next to the field, and what was typed is still there.

async function fieldMessage(page: Page, label: string) {
  const field = page.getByLabel(label, { exact: true });
  const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  return { field, error: errorId ? page.locator(`[id="${errorId}"]`) : null };
}

test.describe("malformed input in a browser", () => {
  test("a comment past the limit, with JavaScript: the message is under the field, the text kept", async ({
    page,
    data,
    context,
  }) => {
    const author = await data.author();
    const reader = await data.user();
    const essay = await data.essay({ author, title: "Browser Limits" });
    await data.publish();
    await context.addCookies([
      { name: "authjs.session-token", value: (await sessionCookie(reader)).split("=")[1] ?? "", url: baseURL },
    ]);
    await page.goto(`/posts/${essay.slug}`);
    const text = wordsOf(10_001);
    const body = page.getByLabel("Comment", { exact: true });
    // The textarea's maxlength stops typing at the limit; a paste from a script does not.
    await body.evaluate((el, value) => ((el as HTMLTextAreaElement).value = value), text);
    await page.getByRole("button", { name: "Post comment", exact: true }).click();
    await expect(body).toHaveAttribute("aria-invalid", "true");
    const { field, error } = await fieldMessage(page, "Comment");
    expect(error).not.toBeNull();
    await expect(error!).toHaveText("Keep it under 10,000 characters.");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue(text);
    expect(await data.db.comment.count({ where: { postId: essay.id } })).toBe(0);
  });

  test("a sign-up name past the limit, without JavaScript: the message is under the field", async ({ browser, data }) => {
    const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/signup");
    const name = wordsOf(101);
    await page.getByLabel("Name", { exact: true }).evaluate((el) => el.removeAttribute("maxlength"));
    await page.getByLabel("Name", { exact: true }).fill(name);
    const email = data.email("browser-signup");
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("ember-kettle-lantern-browser");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
    const { field, error } = await fieldMessage(page, "Name");
    expect(error).not.toBeNull();
    await expect(error!).toHaveText("Use at most 100 characters.");
    await expect(field).toHaveValue(name);
    await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue(email);
    expect(await data.db.user.count({ where: { email } })).toBe(0);
    await context.close();
  });
});
