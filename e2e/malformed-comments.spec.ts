/**
 * Malformed input on the comment forms: posting (signed in and as a guest), editing, deleting.
 * See e2e/support/malformed-forms.ts for what every row must get.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { hasField } from "./support/http-forms";
import { createWorld, INVALID_UTF8, NOT_IDS, wordsOf, type World } from "./support/malformed";
import {
  bytes,
  commentWith,
  EMAIL_INVALID,
  file,
  freshReader,
  NOT_TEXT,
  runRows,
  textField,
  type FormSpec,
  type Row,
} from "./support/malformed-forms";

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

test.describe("malformed input on the comment forms", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    world = await createWorld(db, await playwright.request.newContext({ baseURL }));
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
});
