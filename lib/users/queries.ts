import "server-only";
import { db } from "../db/client";
import { cleanLine } from "../forms/schema";
import { isBanned } from "../auth/permissions";

export interface UserRow {
  id: string;
  name: string;
  email: string;
  handle: string;
  role: "READER" | "AUTHOR" | "ADMIN";
  /** The end of a block in force (ISO), else null. */
  bannedUntil: string | null;
  createdAt: string;
  posts: number;
  comments: number;
}

export const USERS_PER_PAGE = 50;

/** Accounts for the admin list, newest first, optionally filtered by name, e-mail or handle. */
export async function listUsers(
  query: string,
  page: number,
): Promise<{ users: UserRow[]; total: number; page: number; pageCount: number }> {
  // Typed into a search box: cleaned as a stored name is (no NUL, which PostgreSQL refuses).
  const q = cleanLine(query).trim().slice(0, 100);
  const where = q
    ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }, { handle: { contains: q.toLowerCase() } }] }
    : {};
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / USERS_PER_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const rows = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * USERS_PER_PAGE,
    take: USERS_PER_PAGE,
    select: {
      id: true,
      name: true,
      email: true,
      handle: true,
      role: true,
      bannedUntil: true,
      createdAt: true,
      _count: { select: { posts: true, comments: true } },
    },
  });
  return {
    users: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      handle: r.handle,
      role: r.role,
      bannedUntil: r.bannedUntil && isBanned(r) ? r.bannedUntil.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
      posts: r._count.posts,
      comments: r._count.comments,
    })),
    total,
    page: current,
    pageCount,
  };
}
