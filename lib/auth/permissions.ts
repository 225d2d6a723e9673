/**
 * Who may do what. One helper, `can(user, action, resource)`, used by every server action and
 * private page. Permissions are "<action>:own" or "<action>:any"; a resource is "own" when the
 * user is its author (or, for moderating comments, the author of the post they are on).
 */

export type Role = "READER" | "AUTHOR" | "ADMIN";

export type Action =
  | "post:create"
  | "post:update"
  | "post:delete"
  | "post:publish"
  | "comment:create"
  | "comment:update"
  | "comment:delete"
  | "comment:moderate"
  | "comment:like"
  | "comment:report"
  | "profile:update"
  | "dashboard:view"
  | "user:list"
  | "user:update-role"
  | "user:block"
  | "audit:view"
  | "settings:update";

export type Scope = "own" | "any";
export type Permission = `${Action}:${Scope}`;

/** The acting user as permissions see it. */
export interface Actor {
  id: string;
  role: Role;
  bannedUntil?: Date | string | null;
}

/** Anything a permission can be about. */
export interface Resource {
  /** The author of the post or comment (or the profile's owner). */
  authorId?: string | null;
  /** For comments: the author of the post the comment is on. */
  postAuthorId?: string | null;
}

const READER: Permission[] = [
  "comment:create:own",
  "comment:update:own",
  "comment:delete:own",
  "comment:like:any",
  // Anyone's comment but their own (lib/reports/write.ts refuses reports of one's own).
  "comment:report:any",
  "profile:update:own",
];

const AUTHOR: Permission[] = [
  ...READER,
  "post:create:own",
  "post:update:own",
  "post:delete:own",
  "post:publish:own",
  // Authors look after the conversations under their own essays.
  "comment:moderate:own",
  "comment:update:own",
  "comment:delete:own",
  "dashboard:view:own",
];

const ADMIN: Permission[] = (
  [
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
  ] as Action[]
).flatMap((a) => [`${a}:own`, `${a}:any`] as Permission[]);

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  READER: new Set(READER),
  AUTHOR: new Set(AUTHOR),
  ADMIN: new Set(ADMIN),
};

/** True while a ban is in force. */
export function isBanned(actor: Pick<Actor, "bannedUntil">, now: Date = new Date()): boolean {
  if (!actor.bannedUntil) return false;
  return new Date(actor.bannedUntil).getTime() > now.getTime();
}

/**
 * Whether the resource is the actor's own for `action`. Moderating and editing comments as an
 * author counts comments on the author's posts as "own"; for everything else it is authorship.
 */
export function owns(actor: Actor, action: Action, resource: Resource | undefined): boolean {
  if (!resource) return true;
  const onOwnPost = actor.role !== "READER" && !!resource.postAuthorId && resource.postAuthorId === actor.id;
  // Moderating is about the conversation under one's own essays, not one's own comments.
  if (action === "comment:moderate") return onOwnPost;
  if (resource.authorId && resource.authorId === actor.id) return true;
  return (action === "comment:update" || action === "comment:delete") && onOwnPost;
}

/**
 * `can(user, "post:update", post)`: does the user hold "<action>:any", or "<action>:own" with
 * the resource being theirs? Signed-out visitors and banned users can do nothing here.
 * Actions without a resource (creating, listing) need the ":own" (or ":any") permission.
 */
export function can(actor: Actor | null | undefined, action: Action, resource?: Resource): boolean {
  if (!actor) return false;
  if (!Object.hasOwn(ROLE_PERMISSIONS, actor.role)) return false;
  const perms = ROLE_PERMISSIONS[actor.role];
  // A banned person keeps only the right to edit their own profile.
  if (isBanned(actor)) return action === "profile:update" && perms.has("profile:update:own") && owns(actor, action, resource);
  if (perms.has(`${action}:any`)) return true;
  return perms.has(`${action}:own`) && owns(actor, action, resource);
}
