import { describe, expect, it } from "vitest";
import { SettingsSchema, settingsFormInput, WORD_LIST_MAX } from "@/lib/settings/schema";
import { fieldErrors } from "@/lib/users/schema";

/** A complete, valid submission as the form posts it (strings; ticked checkboxes as "on"). */
const valid = (over: Record<string, string | undefined> = {}) => ({
  siteTitle: "Hearth",
  siteDescription: "Essays.",
  commentsPerPage: "50",
  threadDepth: "5",
  commentOrder: "oldest",
  editWindowMinutes: "15",
  floodPerMinute: "5",
  floodPerHour: "30",
  likesPerMinute: "30",
  likesPerHour: "300",
  holdLinkCount: "3",
  holdWords: "",
  blockWords: "",
  autoCloseEnabled: undefined,
  autoCloseDays: "30",
  gravatarEnabled: "on",
  trustProxy: undefined,
  ...over,
});

const errorsOf = (input: Record<string, string | undefined>) => {
  const r = SettingsSchema.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe("SettingsSchema", () => {
  it("turns a valid form into typed settings", () => {
    const r = SettingsSchema.parse(valid({ siteTitle: "  My blog  ", commentOrder: "likes" }));
    expect(r).toEqual({
      siteTitle: "My blog",
      siteDescription: "Essays.",
      commentsPerPage: 50,
      threadDepth: 5,
      commentOrder: "likes",
      editWindowMinutes: 15,
      floodPerMinute: 5,
      likesPerMinute: 30,
      likesPerHour: 300,
      floodPerHour: 30,
      holdLinkCount: 3,
      holdWords: "",
      blockWords: "",
      autoCloseEnabled: false,
      autoCloseDays: 30,
      gravatarEnabled: true,
      trustProxy: false,
    });
  });

  it("keeps comments per page within 1–200", () => {
    expect(errorsOf(valid({ commentsPerPage: "0" })).commentsPerPage).toBe("Enter a whole number from 1 to 200.");
    expect(errorsOf(valid({ commentsPerPage: "201" })).commentsPerPage).toBe("Enter a whole number from 1 to 200.");
    expect(errorsOf(valid({ commentsPerPage: "1" }))).toEqual({});
    expect(errorsOf(valid({ commentsPerPage: "200" }))).toEqual({});
  });

  it("keeps the thread depth within 2–10", () => {
    expect(errorsOf(valid({ threadDepth: "1" })).threadDepth).toBe("Enter a whole number from 2 to 10.");
    expect(errorsOf(valid({ threadDepth: "11" })).threadDepth).toBe("Enter a whole number from 2 to 10.");
    expect(errorsOf(valid({ threadDepth: "2" }))).toEqual({});
    expect(errorsOf(valid({ threadDepth: "10" }))).toEqual({});
  });

  it("refuses empty, fractional and non-numeric numbers with a clear message", () => {
    for (const bad of ["", "  ", "2.5", "ten", "1e3", "0x10"]) {
      expect(errorsOf(valid({ editWindowMinutes: bad })).editWindowMinutes, bad).toBe("Enter a whole number from 0 to 1440.");
    }
    expect(errorsOf(valid({ editWindowMinutes: undefined })).editWindowMinutes).toBe("Enter a whole number from 0 to 1440.");
  });

  it("needs a site title", () => {
    expect(errorsOf(valid({ siteTitle: "   " })).siteTitle).toBe("Give the site a title.");
    expect(errorsOf(valid({ siteTitle: "x".repeat(81) })).siteTitle).toBe("Use at most 80 characters.");
  });

  it("accepts only the three comment orders", () => {
    expect(errorsOf(valid({ commentOrder: "random" })).commentOrder).toBe("Choose an order.");
  });

  it("refuses an hourly flood limit below the per-minute one, on the hourly field", () => {
    expect(errorsOf(valid({ floodPerMinute: "10", floodPerHour: "5" }))).toEqual({
      floodPerHour: "The hourly limit cannot be lower than the limit per minute.",
    });
  });

  it("refuses an hourly like limit below the per-minute one, on the hourly field", () => {
    expect(errorsOf(valid({ likesPerMinute: "50", likesPerHour: "40" }))).toEqual({
      likesPerHour: "The hourly limit cannot be lower than the limit per minute.",
    });
    expect(errorsOf(valid({ likesPerMinute: "0" })).likesPerMinute).toBe("Enter a whole number from 1 to 1000.");
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(errorsOf(valid({ siteTitle: "", threadDepth: "99", floodPerHour: "x" }))).sort()).toEqual([
      "floodPerHour",
      "siteTitle",
      "threadDepth",
    ]);
  });

  it("normalizes word lists: CRLF to LF, spaces around lines trimmed", () => {
    const r = SettingsSchema.parse(valid({ blockWords: "  casino \r\nspam.example\r\n\r\n" }));
    expect(r.blockWords).toBe("casino\nspam.example");
  });

  it("bounds the word lists", () => {
    expect(errorsOf(valid({ holdWords: "a\n".repeat(WORD_LIST_MAX) })).holdWords).toMatch(/^Keep the list under/);
  });

  it("reads checkboxes as ticked only when sent", () => {
    const r = SettingsSchema.parse(valid({ autoCloseEnabled: "on", gravatarEnabled: undefined, trustProxy: "on" }));
    expect([r.autoCloseEnabled, r.gravatarEnabled, r.trustProxy]).toEqual([true, false, true]);
  });
});

describe("SettingsSchema and malformed input", () => {
  it("drops NUL bytes from the title, the description and the word lists", () => {
    const r = SettingsSchema.parse(
      valid({ siteTitle: "Hea\u0000rth", siteDescription: "Essays.\u0000", holdWords: "\u0000casino\r\n\u0000" }),
    );
    expect([r.siteTitle, r.siteDescription, r.holdWords]).toEqual(["Hearth", "Essays.", "casino"]);
  });

  it("says a file is not text, on its own field", () => {
    const file = new File(["x"], "x.txt");
    const errors = errorsOf(valid({ siteTitle: file as unknown as string, blockWords: file as unknown as string }));
    expect(errors).toMatchObject({
      siteTitle: "This field takes text, not a file.",
      blockWords: "This field takes text, not a file.",
    });
  });

  it("refuses numbers a lenient parser would take", () => {
    for (const n of ["1e999", "1e1", "0x10", "99999999999999999999", "Infinity", "１２"]) {
      expect(errorsOf(valid({ commentsPerPage: n })).commentsPerPage, n).toBe("Enter a whole number from 1 to 200.");
    }
  });

  it("reads a checkbox with any other value as unticked, never as an error", () => {
    const r = SettingsSchema.safeParse(valid({ gravatarEnabled: "yes", trustProxy: "\u0000" }));
    expect(r.success && [r.data.gravatarEnabled, r.data.trustProxy]).toEqual([false, false]);
  });
});

describe("settingsFormInput", () => {
  it("passes a file on, so the field can say it is not text", () => {
    const fd = new FormData();
    fd.set("siteTitle", new File(["x"], "x.txt"));
    expect(settingsFormInput(fd).siteTitle).toBeInstanceOf(File);
  });

  it("reads the known fields from FormData and nothing else", () => {
    const fd = new FormData();
    fd.set("siteTitle", "T");
    fd.set("trustProxy", "on");
    fd.set("role", "ADMIN");
    const input = settingsFormInput(fd);
    expect(input.siteTitle).toBe("T");
    expect(input.trustProxy).toBe("on");
    expect(input.gravatarEnabled).toBeUndefined();
    expect("role" in input).toBe(false);
  });
});
