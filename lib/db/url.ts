import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./.data/hearth.db";

export type Engine = "sqlite" | "postgresql";

/** The configured database URL (DATABASE_URL), defaulting to the local SQLite file. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url ? url : DEFAULT_DATABASE_URL;
}

/** Which engine a database URL points at; anything that is not PostgreSQL is an SQLite file. */
export function engineOf(url: string): Engine {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Absolute file path of an SQLite URL ("file:./.data/hearth.db" → "/…/.data/hearth.db"). */
export function sqlitePath(url: string, cwd: string = process.cwd()): string {
  const raw = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(cwd, raw);
}
