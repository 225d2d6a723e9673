import { describe, expect, it } from "vitest";
import { z } from "zod";
import { COMMON_PASSWORDS } from "@/lib/users/common-passwords";
import {
  EmailSchema,
  fieldErrors,
  PASSWORD_MAX,
  PASSWORD_MIN,
  passwordProblem,
  PasswordChangeSchema,
  ProfileSchema,
  RoleChangeSchema,
  SignInSchema,
  SignUpSchema,
} from "@/lib/users/schema";
import { NOT_TEXT } from "@/lib/forms/schema";

const GOOD = "correct horse battery";
const TOO_COMMON = /too common/i;
const IS_EMAIL = /e-mail address as your password/i;

describe("passwordProblem", () => {
  it("uses a 10 to 200 character range", () => {
    expect(PASSWORD_MIN).toBe(10);
    expect(PASSWORD_MAX).toBe(200);
  });

  it.each([
    ["", "Use at least 10 characters."],
    ["a", "Use at least 10 characters."],
    ["k3v!n-Jum", "Use at least 10 characters."],
    ["k3v!n-Jump", null],
    ["x".repeat(9) + "y", null],
    ["xy".repeat(100), null],
    ["xy".repeat(100) + "z", "Use at most 200 characters."],
    ["q".repeat(5000) + "w", "Use at most 200 characters."],
  ] as Array<[string, string | null]>)("length of %j → %j", (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  it("accepts a reasonable pass phrase", () => {
    expect(passwordProblem(GOOD)).toBeNull();
    expect(passwordProblem(GOOD, { email: "ada@example.com", name: "Ada" })).toBeNull();
  });

  it("refuses every entry of the common list, in any letter case", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(20);
    for (const p of COMMON_PASSWORDS) {
      expect(passwordProblem(p), p).toMatch(TOO_COMMON);
      expect(passwordProblem(p.toUpperCase()), p).toMatch(TOO_COMMON);
      const mixed = [...p].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join("");
      expect(passwordProblem(mixed), mixed).toMatch(TOO_COMMON);
    }
  });

  it("keeps the common list lower-cased and at least 10 characters long (shorter ones could never match)", () => {
    for (const p of COMMON_PASSWORDS) {
      expect(p, p).toBe(p.toLowerCase());
      expect(p.length, p).toBeGreaterThanOrEqual(PASSWORD_MIN);
    }
  });

  it("does not refuse a password merely for containing a common one", () => {
    expect(passwordProblem("password123 is what I never use")).toBeNull();
    expect(passwordProblem("xpassword123")).toBeNull();
  });

  it.each(["aaaaaaaaaaaa", "ZZZZZZZZZZ", "!!!!!!!!!!!!!!!", "7777777777", "          ", "é".repeat(12)])(
    "refuses a single repeated character: %j",
    (p) => {
      expect(passwordProblem(p)).toMatch(TOO_COMMON);
    },
  );

  it("refuses a single repeated character outside the Basic Multilingual Plane (emoji)", () => {
    // 10 identical emoji are 20 UTF-16 code units; the check must compare characters, not units.
    expect(passwordProblem("🔥".repeat(10)) ?? "(accepted)").toMatch(TOO_COMMON);
    expect(passwordProblem("𝒜".repeat(12)) ?? "(accepted)").toMatch(TOO_COMMON);
  });

  it.each(["aaaaaaaaab", "abababababab", "aaaaa aaaaa"])("accepts %j (not a single repeated character)", (p) => {
    expect(passwordProblem(p)).toBeNull();
  });

  it("refuses the e-mail address itself, ignoring letter case", () => {
    const email = "grace.hopper@example.com";
    expect(passwordProblem(email, { email })).toMatch(IS_EMAIL);
    expect(passwordProblem("Grace.Hopper@Example.COM", { email })).toMatch(IS_EMAIL);
    expect(passwordProblem(email, { email: "GRACE.HOPPER@EXAMPLE.COM" })).toMatch(IS_EMAIL);
  });

  it("refuses the e-mail's local part, ignoring letter case", () => {
    const email = "grace.hopper@example.com";
    expect(passwordProblem("grace.hopper", { email })).toMatch(IS_EMAIL);
    expect(passwordProblem("GRACE.HOPPER", { email })).toMatch(IS_EMAIL);
  });

  it("accepts passwords that merely contain the e-mail or its local part, or without an e-mail", () => {
    const email = "grace.hopper@example.com";
    expect(passwordProblem("grace.hopper!", { email })).toBeNull();
    expect(passwordProblem("my grace.hopper@example.com", { email })).toBeNull();
    expect(passwordProblem("grace.hopper")).toBeNull();
    expect(passwordProblem("grace.hopper", { email: "" })).toBeNull();
  });

  it("checks length before anything else", () => {
    expect(passwordProblem("aaa", { email: "aaa@x.io" })).toBe("Use at least 10 characters.");
  });
});

describe("EmailSchema", () => {
  it.each([
    ["ada@example.com", "ada@example.com"],
    ["  Ada@Example.COM  ", "ada@example.com"],
    ["\tGRACE.HOPPER+blog@Navy.MIL\n", "grace.hopper+blog@navy.mil"],
  ])("%j → %j", (input, expected) => {
    expect(EmailSchema.parse(input)).toBe(expected);
  });

  it.each([
    ["", "Enter your e-mail address."],
    ["   ", "Enter your e-mail address."],
    ["not-an-email", "Enter a valid e-mail address, like name@example.com."],
    ["ada@", "Enter a valid e-mail address, like name@example.com."],
    ["@example.com", "Enter a valid e-mail address, like name@example.com."],
    ["ada @example.com", "Enter a valid e-mail address, like name@example.com."],
    [`${"a".repeat(250)}@example.com`, "That e-mail address is too long."],
  ])("refuses %j with %j", (input, message) => {
    const r = EmailSchema.safeParse(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.message).toBe(message);
  });

  it("refuses non-strings with the 'enter' message", () => {
    for (const v of [undefined, null, 42, {}]) {
      const r = EmailSchema.safeParse(v);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.message).toBe("Enter your e-mail address.");
    }
  });
});

describe("SignUpSchema", () => {
  it("normalizes the e-mail and trims the name", () => {
    const r = SignUpSchema.parse({ name: "  Ada Lovelace ", email: " ADA@Example.com ", password: GOOD });
    expect(r).toEqual({ name: "Ada Lovelace", email: "ada@example.com", password: GOOD });
  });

  it("does not trim or alter the password", () => {
    const r = SignUpSchema.parse({ name: "Ada", email: "ada@example.com", password: `  ${GOOD}  ` });
    expect(r.password).toBe(`  ${GOOD}  `);
  });

  it("reports password problems on the password field", () => {
    const cases: Array<[string, RegExp]> = [
      ["short", /at least 10/],
      ["Password123", TOO_COMMON],
      ["xxxxxxxxxxxx", TOO_COMMON],
      ["ada.lovelace@example.com", IS_EMAIL],
      ["ADA.LOVELACE", IS_EMAIL],
    ];
    for (const [password, message] of cases) {
      const r = SignUpSchema.safeParse({ name: "Ada", email: "  Ada.Lovelace@Example.com", password });
      expect(r.success, password).toBe(false);
      if (!r.success) {
        const errors = fieldErrors(r.error);
        expect(Object.keys(errors), password).toEqual(["password"]);
        expect(errors.password, password).toMatch(message);
      }
    }
  });

  it("reports every missing field with its own message", () => {
    const r = SignUpSchema.safeParse({});
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(fieldErrors(r.error)).toEqual({
        name: "Enter your name.",
        email: "Enter your e-mail address.",
        password: "Choose a password.",
      });
    }
  });

  it("refuses a blank or over-long name", () => {
    for (const [name, message] of [
      ["   ", "Enter your name."],
      ["n".repeat(101), "Use at most 100 characters."],
    ]) {
      const r = SignUpSchema.safeParse({ name, email: "ada@example.com", password: GOOD });
      expect(r.success).toBe(false);
      if (!r.success) expect(fieldErrors(r.error)).toEqual({ name: message });
    }
    expect(SignUpSchema.safeParse({ name: "n".repeat(100), email: "ada@example.com", password: GOOD }).success).toBe(true);
  });
});

describe("SignInSchema", () => {
  it("normalizes the e-mail and keeps the password as typed", () => {
    expect(SignInSchema.parse({ email: " Ada@Example.com", password: " x " })).toEqual({
      email: "ada@example.com",
      password: " x ",
    });
  });

  it("does not apply the sign-up rules to existing passwords (any non-empty one may be tried)", () => {
    expect(SignInSchema.safeParse({ email: "ada@example.com", password: "a" }).success).toBe(true);
    expect(SignInSchema.safeParse({ email: "ada@example.com", password: "password123" }).success).toBe(true);
  });

  it("asks for a missing or empty password", () => {
    for (const password of [undefined, ""]) {
      const r = SignInSchema.safeParse({ email: "ada@example.com", password });
      expect(r.success).toBe(false);
      if (!r.success) expect(fieldErrors(r.error)).toEqual({ password: "Enter your password." });
    }
  });

  it("refuses passwords over the maximum without saying why (no CPU burnt on hashing them)", () => {
    expect(SignInSchema.safeParse({ email: "ada@example.com", password: "p".repeat(PASSWORD_MAX) }).success).toBe(true);
    const r = SignInSchema.safeParse({ email: "ada@example.com", password: "p".repeat(PASSWORD_MAX + 1) });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ password: "Wrong e-mail or password." });
  });
});

describe("PasswordChangeSchema", () => {
  it("accepts a good new password confirmed identically, defaulting the current password to ''", () => {
    expect(PasswordChangeSchema.parse({ newPassword: GOOD, confirmPassword: GOOD })).toEqual({
      currentPassword: "",
      newPassword: GOOD,
      confirmPassword: GOOD,
    });
    expect(
      PasswordChangeSchema.parse({ currentPassword: "old one", newPassword: GOOD, confirmPassword: GOOD }).currentPassword,
    ).toBe("old one");
  });

  it("reports a weak new password on newPassword (and not a mismatch at the same time)", () => {
    for (const weak of ["short", "qwertyuiop", "0000000000000"]) {
      const r = PasswordChangeSchema.safeParse({ newPassword: weak, confirmPassword: "something else" });
      expect(r.success).toBe(false);
      if (!r.success) {
        const errors = fieldErrors(r.error);
        expect(Object.keys(errors)).toEqual(["newPassword"]);
      }
    }
  });

  it("reports a mismatch on confirmPassword", () => {
    const r = PasswordChangeSchema.safeParse({ newPassword: GOOD, confirmPassword: `${GOOD}!` });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ confirmPassword: "The two passwords don’t match." });
  });

  it("asks for a missing new password", () => {
    const r = PasswordChangeSchema.safeParse({ confirmPassword: "" });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error).newPassword).toBe("Choose a new password.");
  });

  it("bounds the current password", () => {
    const r = PasswordChangeSchema.safeParse({
      currentPassword: "c".repeat(PASSWORD_MAX + 1),
      newPassword: GOOD,
      confirmPassword: GOOD,
    });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(fieldErrors(r.error))).toEqual(["currentPassword"]);
  });
});

describe("ProfileSchema", () => {
  it("trims the name and bio and defaults the bio to ''", () => {
    expect(ProfileSchema.parse({ name: "  Ada  " })).toEqual({ name: "Ada", bio: "" });
    expect(ProfileSchema.parse({ name: "Ada", bio: "  Counts things.  " })).toEqual({ name: "Ada", bio: "Counts things." });
  });

  it("limits the bio to 500 characters (after trimming)", () => {
    expect(ProfileSchema.safeParse({ name: "Ada", bio: "b".repeat(500) }).success).toBe(true);
    expect(ProfileSchema.safeParse({ name: "Ada", bio: `  ${"b".repeat(500)}  ` }).success).toBe(true);
    const r = ProfileSchema.safeParse({ name: "Ada", bio: "b".repeat(501) });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ bio: "Keep your bio under 500 characters." });
  });

  it("requires a name", () => {
    const r = ProfileSchema.safeParse({ name: " ", bio: "hi" });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ name: "Enter your name." });
  });
});

describe("the account forms and malformed input", () => {
  const file = () => new File(["x"], "x.txt");

  it("drops NUL bytes and line breaks from a name, NUL bytes from a bio (keeping its lines)", () => {
    expect(ProfileSchema.parse({ name: "Pro\u0000file\tPerson", bio: "one\u0000\r\ntwo\u0007" })).toEqual({
      name: "Profile Person",
      bio: "one\ntwo",
    });
    expect(SignUpSchema.parse({ name: "Nu\u0000la\r\nNight", email: "n@example.org", password: GOOD }).name).toBe("Nula Night");
  });

  it("asks for a name made of NUL bytes only", () => {
    expect(ProfileSchema.safeParse({ name: "\u0000\u0000" }).error?.issues[0]?.message).toBe("Enter your name.");
  });

  it("says a file is not text, for every field", () => {
    const issues = (r: { error?: z.ZodError }) => r.error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    expect(issues(SignUpSchema.safeParse({ name: file(), email: file(), password: file() }))).toEqual([
      `name: ${NOT_TEXT}`,
      `email: ${NOT_TEXT}`,
      `password: ${NOT_TEXT}`,
    ]);
    expect(issues(PasswordChangeSchema.safeParse({ newPassword: file(), confirmPassword: undefined }))).toEqual([
      `newPassword: ${NOT_TEXT}`,
      "confirmPassword: Repeat the new password.",
    ]);
  });

  it("never keeps a password's NUL bytes out of it (they are hashed, never stored as text)", () => {
    expect(SignInSchema.parse({ email: "a@example.org", password: "pass\u0000word" }).password).toBe("pass\u0000word");
  });

  it("reads a role change: an account id the app made and a known role", () => {
    expect(RoleChangeSchema.parse({ userId: "cmx94p20a0001k47dn5p", role: "AUTHOR" })).toEqual({
      userId: "cmx94p20a0001k47dn5p",
      role: "AUTHOR",
    });
    for (const userId of ["", "u\u0000", "u".repeat(65), "a b", null]) {
      expect(RoleChangeSchema.safeParse({ userId, role: "AUTHOR" }).error?.issues[0]?.message, String(userId)).toBe(
        "That account no longer exists.",
      );
    }
    for (const role of ["SUPERUSER", "reader", "", null]) {
      expect(RoleChangeSchema.safeParse({ userId: "u1", role }).error?.issues[0]?.message, String(role)).toBe("Choose a role.");
    }
  });
});

describe("fieldErrors", () => {
  it("keeps the first message per field", () => {
    const schema = z.object({ a: z.string().min(3, { error: "first" }).regex(/^x/, { error: "second" }), b: z.number() });
    const r = schema.safeParse({ a: "y", b: "not a number" });
    expect(r.success).toBe(false);
    if (!r.success) {
      const errors = fieldErrors(r.error);
      expect(errors.a).toBe("first");
      expect(Object.keys(errors).sort()).toEqual(["a", "b"]);
    }
  });

  it("files issues without a path under 'form'", () => {
    const r = z
      .string()
      .refine(() => false, { error: "whole form" })
      .safeParse("x");
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ form: "whole form" });
  });

  it("uses the top-level key for nested paths", () => {
    const r = z.object({ outer: z.object({ inner: z.string({ error: "nested" }) }) }).safeParse({ outer: {} });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ outer: "nested" });
  });
});
