/**
 * Whether a failure means the database cannot take (or serve) a write right now — read-only,
 * full, failing its disk, unreachable, shutting down, overloaded — as opposed to a bug or a
 * refused value. Such a request is answered 503 with "try again in a minute"
 * (docs/decisions/015-storage-failures.md); anything else stays a 500.
 *
 * Errors arrive wrapped: Prisma puts the driver's error in `.cause` or in
 * `.meta.driverAdapterError`, the better-sqlite3 adapter lets SQLite's own error through,
 * Auth.js wraps what its callbacks threw in `.cause.err`. The whole chain is searched.
 */
export function isStorageUnavailable(error: unknown): boolean {
  const seen = new Set<object>();
  // [node, whether it came out of the database client]: a refused connection from the mail
  // server is not the database's.
  const queue: [unknown, boolean][] = [[error, false]];
  while (queue.length > 0 && seen.size < 32) {
    const [node, fromDatabase] = queue.shift()!;
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    const e = node as ErrorLike;
    const viaDatabase = fromDatabase || isDatabaseError(e);
    if (unavailableHere(e, viaDatabase)) return true;
    const next = [e.cause, e.err, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
    for (const child of next) if (child !== undefined) queue.push([child, viaDatabase]);
  }
  return false;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
  extendedCode?: unknown;
  severity?: unknown;
  cause?: unknown;
  err?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
  constructor?: { name?: unknown };
}

/**
 * SQLite result codes (better-sqlite3's `code`, extended codes included): a read-only file or
 * connection, a full disk, an I/O error, a file that cannot be opened or is not permitted, and
 * BUSY — another writer held the lock through every retry, so the database is too loaded to
 * take the write now. Not NOTADB or CORRUPT: a damaged file needs an operator, not a retry.
 */
const SQLITE_CODE = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|PERM|BUSY)(_[A-Z_]+)?$/;
/** Primary result codes of the same (SQLite's numeric codes, as Prisma reports `extendedCode`). */
const SQLITE_PRIMARY = new Set([3 /* PERM */, 5 /* BUSY */, 8 /* READONLY */, 10 /* IOERR */, 13 /* FULL */, 14 /* CANTOPEN */]);
/** SQLite's own messages for the same (distinctive enough to trust), for wrappers that keep only the text. */
const SQLITE_MESSAGE =
  /attempt to write a readonly database|database or disk is full|disk I\/O error|unable to open database file|database is locked/i;

/**
 * Prisma's own codes: P1001 can't reach the server, P1002 reached but timed out, P1008
 * operations timed out (also SQLite busy), P1017 server closed the connection, P2024 no
 * connection free in the pool in time.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Prisma's driver-adapter error kinds that mean the same (adapter-pg maps socket errors to them). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exceptions), class 53 (insufficient resources:
 * 53100 disk full, 53200 out of memory, 53300 too many connections), 25006 read-only
 * transaction (a standby, or default_transaction_read_only), 57P01–57P03 (the server is
 * shutting down or starting), 58030 I/O error.
 */
function unavailableSqlState(code: string): boolean {
  return /^(08...|53...|25006|57P0[123]|58030)$/.test(code);
}

/** Node's errors for a connection that failed or broke. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** node-postgres's messages for a connection the server or the network ended. */
const PG_CONNECTION_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

function isDatabaseError(e: ErrorLike): boolean {
  const name = typeof e.name === "string" ? e.name : typeof e.constructor?.name === "string" ? e.constructor.name : "";
  return /^PrismaClient|^DriverAdapterError$|^SqliteError$/.test(name) || e.kind === "postgres" || e.kind === "sqlite";
}

function unavailableHere(e: ErrorLike, fromDatabase: boolean): boolean {
  const code = typeof e.code === "string" ? e.code : undefined;
  const original = typeof e.originalCode === "string" ? e.originalCode : undefined;
  const message = typeof e.message === "string" ? e.message : "";
  for (const c of [code, original]) {
    if (c === undefined) continue;
    if (SQLITE_CODE.test(c) || PRISMA_CODES.has(c)) return true;
    // A five-character SQLSTATE from PostgreSQL itself (pg's errors carry a severity; Prisma's
    // adapter reports them as kind "postgres").
    if ((e.kind === "postgres" || typeof e.severity === "string") && unavailableSqlState(c)) return true;
    if (fromDatabase && NETWORK_CODES.has(c)) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (e.kind === "sqlite" && typeof e.extendedCode === "number" && SQLITE_PRIMARY.has(e.extendedCode & 0xff)) return true;
  if (SQLITE_MESSAGE.test(message)) return true;
  if (fromDatabase && PG_CONNECTION_MESSAGE.test(message)) return true;
  return false;
}
