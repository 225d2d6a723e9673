import { describe, expect, it } from "vitest";
import { can, isBanned, owns, ROLE_PERMISSIONS, type Action, type Actor, type Resource, type Role } from "@/lib/auth/permissions";

/** Every member of the Action union (the type-level check below fails to compile if one is missing). */
const ACTIONS = [
  "post:create",
  "post:update",
  "post:delete",
  "post:publish",
  "comment:create",
  "comment:update",
  "comment:delete",
  "comment:moderate",
  "comment:like",
  "comment:report",
  "profile:update",
  "dashboard:view",
  "user:list",
  "user:update-role",
  "user:block",
  "audit:view",
  "settings:update",
] as const satisfies readonly Action[];

type MissingActions = Exclude<Action, (typeof ACTIONS)[number]>;
const allActionsListed: [MissingActions] extends [never] ? true : false = true;

const ROLES: readonly Role[] = ["READER", "AUTHOR", "ADMIN"];
const COMMENT_ACTIONS = new Set<Action>([
  "comment:create",
  "comment:update",
  "comment:delete",
  "comment:moderate",
  "comment:like",
  "comment:report",
]);

const ME = "user-me";
const OTHER = "user-other";
const THIRD = "user-third";

/**
 * The resources each row is checked against:
 * - own:      authored by the actor (for comments: the actor's comment on somebody else's post)
 * - any:      authored by somebody else (for comments: on a third person's post)
 * - onMyPost: a comment by somebody else on the actor's post (comment actions only)
 */
type Column = "own" | "any" | "onMyPost";
const resourceFor = (action: Action, column: Column): Resource => {
  const comment = COMMENT_ACTIONS.has(action);
  switch (column) {
    case "own":
      return comment ? { authorId: ME, postAuthorId: OTHER } : { authorId: ME };
    case "any":
      return comment ? { authorId: OTHER, postAuthorId: THIRD } : { authorId: OTHER };
    case "onMyPost":
      return { authorId: OTHER, postAuthorId: ME };
  }
};

interface Expected {
  own: boolean;
  any: boolean;
  /** Only for comment actions. */
  onMyPost?: boolean;
}

const T = true;
const F = false;

/** The intended rules, written out cell by cell. */
const MATRIX: Record<Role, Record<Action, Expected>> = {
  READER: {
    "post:create": { own: F, any: F },
    "post:update": { own: F, any: F },
    "post:delete": { own: F, any: F },
    "post:publish": { own: F, any: F },
    "comment:create": { own: T, any: F, onMyPost: F },
    "comment:update": { own: T, any: F, onMyPost: F },
    "comment:delete": { own: T, any: F, onMyPost: F },
    "comment:moderate": { own: F, any: F, onMyPost: F },
    "comment:like": { own: T, any: T, onMyPost: T },
    "comment:report": { own: T, any: T, onMyPost: T },
    "profile:update": { own: T, any: F },
    "dashboard:view": { own: F, any: F },
    "user:list": { own: F, any: F },
    "user:update-role": { own: F, any: F },
    "user:block": { own: F, any: F },
    "audit:view": { own: F, any: F },
    "settings:update": { own: F, any: F },
  },
  AUTHOR: {
    "post:create": { own: T, any: F },
    "post:update": { own: T, any: F },
    "post:delete": { own: T, any: F },
    "post:publish": { own: T, any: F },
    "comment:create": { own: T, any: F, onMyPost: F },
    "comment:update": { own: T, any: F, onMyPost: T },
    "comment:delete": { own: T, any: F, onMyPost: T },
    // Authors moderate the conversations under their own essays, not their own comments
    // elsewhere (that would let them approve/unhide their own comment on someone else's post).
    "comment:moderate": { own: F, any: F, onMyPost: T },
    "comment:like": { own: T, any: T, onMyPost: T },
    "comment:report": { own: T, any: T, onMyPost: T },
    "profile:update": { own: T, any: F },
    "dashboard:view": { own: T, any: F },
    "user:list": { own: F, any: F },
    "user:update-role": { own: F, any: F },
    "user:block": { own: F, any: F },
    "audit:view": { own: F, any: F },
    "settings:update": { own: F, any: F },
  },
  ADMIN: Object.fromEntries(
    ACTIONS.map((a) => [a, COMMENT_ACTIONS.has(a) ? { own: T, any: T, onMyPost: T } : { own: T, any: T }]),
  ) as Record<Action, Expected>,
};

interface Row {
  role: Role;
  action: Action;
  column: Column;
  expected: boolean;
}

const ROWS: Row[] = ROLES.flatMap((role) =>
  ACTIONS.flatMap((action) => {
    const e = MATRIX[role][action];
    const rows: Row[] = [
      { role, action, column: "own", expected: e.own },
      { role, action, column: "any", expected: e.any },
    ];
    if (COMMENT_ACTIONS.has(action)) {
      if (e.onMyPost === undefined) throw new Error(`matrix lacks onMyPost for ${role} ${action}`);
      rows.push({ role, action, column: "onMyPost", expected: e.onMyPost });
    }
    return rows;
  }),
);

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({ id: ME, role, ...extra });

describe("the permission matrix", () => {
  it("lists every action of the Action union and every action the roles know", () => {
    expect(allActionsListed).toBe(true);
    const known = new Set<string>();
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) known.add(p.replace(/:(own|any)$/, ""));
    expect([...known].sort()).toEqual([...ACTIONS].sort());
  });

  it("has one row per role × action × column (17 actions, 6 of them comment actions)", () => {
    expect(ROWS).toHaveLength(3 * (17 * 2 + 6));
  });

  it.each(ROWS)("$role $action on $column → $expected", ({ role, action, column, expected }) => {
    expect(can(actor(role), action, resourceFor(action, column))).toBe(expected);
  });
});

describe("actions without a resource (creating, listing)", () => {
  const cases: Array<[Role, Action, boolean]> = [
    ["READER", "comment:create", true],
    ["READER", "post:create", false],
    ["READER", "dashboard:view", false],
    ["READER", "user:list", false],
    ["AUTHOR", "post:create", true],
    ["AUTHOR", "dashboard:view", true],
    ["AUTHOR", "user:list", false],
    ["AUTHOR", "user:update-role", false],
    ["AUTHOR", "settings:update", false],
    ["ADMIN", "user:list", true],
    ["ADMIN", "user:update-role", true],
    ["ADMIN", "settings:update", true],
  ];
  it.each(cases)("%s %s → %s", (role, action, expected) => {
    expect(can(actor(role), action)).toBe(expected);
  });
});

describe("who is asking", () => {
  it.each(ACTIONS)("a signed-out visitor (null / undefined) may not %s", (action) => {
    expect(can(null, action)).toBe(false);
    expect(can(undefined, action)).toBe(false);
    expect(can(null, action, { authorId: ME })).toBe(false);
    expect(can(undefined, action, { authorId: OTHER, postAuthorId: ME })).toBe(false);
  });

  it.each(ACTIONS)("an unknown role may not %s", (action) => {
    for (const role of ["OWNER", "", "admin", "Admin", undefined, null, 1]) {
      const a = { id: ME, role } as unknown as Actor;
      expect(can(a, action)).toBe(false);
      expect(can(a, action, { authorId: ME })).toBe(false);
      expect(can(a, action, { authorId: OTHER, postAuthorId: ME })).toBe(false);
    }
  });

  it("a role named like an Object.prototype member is unknown too: false, not a TypeError", () => {
    for (const role of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const a = { id: ME, role } as unknown as Actor;
      expect(() => can(a, "post:create"), role).not.toThrow();
    }
  });
});

describe("banned users", () => {
  const future = () => new Date(Date.now() + 60 * 60_000);
  const past = () => new Date(Date.now() - 60_000);

  const banRows = ROWS.map((r) => ({
    ...r,
    // A banned user keeps exactly one thing: updating their own profile (when the role allows it).
    bannedExpected: r.action === "profile:update" && r.column === "own" ? r.expected : false,
  }));

  it.each(banRows)("banned $role $action on $column → $bannedExpected", ({ role, action, column, bannedExpected }) => {
    expect(can(actor(role, { bannedUntil: future() }), action, resourceFor(action, column))).toBe(bannedExpected);
  });

  it.each(ROLES)("a banned %s may still update their own profile, given as a Date or an ISO string", (role) => {
    expect(can(actor(role, { bannedUntil: future() }), "profile:update", { authorId: ME })).toBe(true);
    expect(can(actor(role, { bannedUntil: future().toISOString() }), "profile:update", { authorId: ME })).toBe(true);
  });

  it("a banned admin may not update somebody else's profile", () => {
    expect(can(actor("ADMIN", { bannedUntil: future() }), "profile:update", { authorId: OTHER })).toBe(false);
  });

  it("a ban given as an ISO string blocks like a Date", () => {
    const a = actor("ADMIN", { bannedUntil: future().toISOString() });
    expect(can(a, "settings:update")).toBe(false);
    expect(can(a, "post:create", { authorId: ME })).toBe(false);
  });

  it.each(ROWS)("an expired ban does not matter: $role $action on $column → $expected", ({ role, action, column, expected }) => {
    expect(can(actor(role, { bannedUntil: past() }), action, resourceFor(action, column))).toBe(expected);
    expect(can(actor(role, { bannedUntil: past().toISOString() }), action, resourceFor(action, column))).toBe(expected);
    expect(can(actor(role, { bannedUntil: null }), action, resourceFor(action, column))).toBe(expected);
  });
});

describe("isBanned", () => {
  const now = new Date("2030-06-01T12:00:00.000Z");
  it.each([
    [undefined, false],
    [null, false],
    [new Date("2030-06-01T12:00:00.001Z"), true],
    ["2030-06-02T00:00:00.000Z", true],
    [new Date("2030-06-01T12:00:00.000Z"), false],
    [new Date("2030-05-31T12:00:00.000Z"), false],
    ["2029-01-01T00:00:00.000Z", false],
  ] as Array<[Date | string | null | undefined, boolean]>)("bannedUntil %s → %s", (bannedUntil, expected) => {
    expect(isBanned({ bannedUntil }, now)).toBe(expected);
  });
});

describe("owns", () => {
  it("is authorship for posts and profiles", () => {
    expect(owns(actor("AUTHOR"), "post:update", { authorId: ME })).toBe(true);
    expect(owns(actor("AUTHOR"), "post:update", { authorId: OTHER })).toBe(false);
    expect(owns(actor("AUTHOR"), "post:update", { authorId: OTHER, postAuthorId: ME })).toBe(false);
    expect(owns(actor("READER"), "profile:update", { authorId: ME })).toBe(true);
  });

  it("counts comments on an author's own post for editing and deleting, never for a reader", () => {
    const onMine = { authorId: OTHER, postAuthorId: ME };
    expect(owns(actor("AUTHOR"), "comment:update", onMine)).toBe(true);
    expect(owns(actor("AUTHOR"), "comment:delete", onMine)).toBe(true);
    expect(owns(actor("AUTHOR"), "comment:moderate", onMine)).toBe(true);
    expect(owns(actor("READER"), "comment:update", onMine)).toBe(false);
    expect(owns(actor("READER"), "comment:moderate", onMine)).toBe(false);
  });

  it("never matches on missing or empty ids", () => {
    const noId = { id: "", role: "AUTHOR" } as Actor;
    expect(owns(noId, "post:update", { authorId: "" })).toBe(false);
    expect(owns(noId, "comment:moderate", { authorId: null, postAuthorId: "" })).toBe(false);
    expect(owns(actor("AUTHOR"), "post:update", { authorId: null })).toBe(false);
    expect(owns(actor("AUTHOR"), "post:update", {})).toBe(false);
  });
});

describe("ROLE_PERMISSIONS", () => {
  it("gives readers exactly their six permissions", () => {
    expect([...ROLE_PERMISSIONS.READER].sort()).toEqual(
      [
        "comment:create:own",
        "comment:delete:own",
        "comment:like:any",
        "comment:report:any",
        "comment:update:own",
        "profile:update:own",
      ].sort(),
    );
  });

  it("gives authors everything readers have", () => {
    for (const p of ROLE_PERMISSIONS.READER) expect(ROLE_PERMISSIONS.AUTHOR.has(p)).toBe(true);
    for (const p of ROLE_PERMISSIONS.AUTHOR)
      expect(p.endsWith(":any") ? p : "ok").toMatch(/^(ok|comment:like:any|comment:report:any)$/);
  });

  it("gives admins every action on anything", () => {
    for (const a of ACTIONS) {
      expect(ROLE_PERMISSIONS.ADMIN.has(`${a}:any`)).toBe(true);
      expect(ROLE_PERMISSIONS.ADMIN.has(`${a}:own`)).toBe(true);
    }
  });
});
