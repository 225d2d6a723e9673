/**
 * Malformed input on the account forms: sign in, magic link, sign up, the account page
 * (profile, avatar, password) and the admin's role form.
 * See e2e/support/malformed-forms.ts for what every row must get.
 */
import { test, expect } from "./support/fixtures";
import { baseURL } from "../playwright.config";
import { hasField } from "./support/http-forms";
import { createWorld, wordsOf, type World } from "./support/malformed";
import {
  bytes,
  EMAIL_INVALID,
  file,
  freshReader,
  FAR,
  NOT_TEXT,
  pngOf,
  runRows,
  textField,
  type FormSpec,
  type Row,
} from "./support/malformed-forms";

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

test.describe("malformed input on the account forms", () => {
  let world: World;
  test.beforeAll(async ({ db, playwright }) => {
    world = await createWorld(db, await playwright.request.newContext({ baseURL }));
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
});
