// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma (the one model definition)
// by swapping the provider and the client's output folder. Run by `npm install` (postinstall).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const pg = source
  .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
  .replace(/output\s*=\s*"\.\.\/lib\/generated\/sqlite"/, 'output = "../../lib/generated/postgresql"')
  .replace(
    /^\/\/ Hearth's data model\..*\n(\/\/.*\n)*/m,
    "// GENERATED from prisma/schema.prisma by scripts/schema-variants.mjs — do not edit.\n",
  );
if (!pg.includes('"postgresql"') || !pg.includes("generated/postgresql")) {
  throw new Error("schema-variants: could not derive the PostgreSQL schema; check the generator block");
}
mkdirSync("prisma/postgresql", { recursive: true });
writeFileSync("prisma/postgresql/schema.prisma", pg);
