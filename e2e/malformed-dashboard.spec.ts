/**
 * Malformed input on the moderation forms (the queue, a moderator's edit and reply) and the
 * site settings. See e2e/support/malformed-forms.ts for what every row must get.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { hasField } from "./support/http-forms";
import { createWorld, NOT_IDS, type World } from "./support/malformed";
import { commentWith, file, NOT_TEXT, runRows, textField, type FormSpec, type Row } from "./support/malformed-forms";

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

test.describe("malformed input on moderation and settings", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    world = await createWorld(db, await playwright.request.newContext({ baseURL }));
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
});
