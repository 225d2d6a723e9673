-- Written by hand: rate-limit counters are not written to the WAL (docs/decisions/012-direct-sql.md).
-- Every comment and like counts itself here, and every instance and every client behind one
-- address updates the same few rows: as a logged table, each count waited for its own WAL flush
-- while it held those rows, so the flood check serialized the writes behind it. A counter lost
-- in a crash (PostgreSQL empties an unlogged table when it recovers) only forgets the last
-- windows' counts, which start again at zero; nothing a reader wrote is kept here.
-- Prisma's schema has no notion of UNLOGGED, so it lives only here (`prisma migrate diff` ignores it).
ALTER TABLE "RateLimit" SET UNLOGGED;
