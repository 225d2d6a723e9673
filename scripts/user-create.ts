import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { createDb } from "../lib/db/client";
import { createAccount } from "../lib/users/create";
import { hashPassword } from "../lib/users/password";
import { EmailSchema, passwordProblem, RoleSchema } from "../lib/users/schema";

// `npm run user:create -- --email ada@example.org --role ADMIN [--name "Ada"] [--password "…"]`
// Creates the account, or changes the role of an existing one.
const usage = 'Usage: npm run user:create -- --email <address> [--role READER|AUTHOR|ADMIN] [--name "Name"] [--password "…"]';

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    password: { type: "string" },
    help: { type: "boolean" },
  },
  strict: true,
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const Args = z.object({
  email: EmailSchema,
  role: RoleSchema.optional(),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().optional(),
});
const parsed = Args.safeParse({ ...values, role: values.role?.toUpperCase() });
if (!parsed.success) {
  console.error(`${z.prettifyError(parsed.error)}\n${usage}`);
  process.exit(2);
}
const { email, role, name, password } = parsed.data;
if (password !== undefined) {
  const problem = passwordProblem(password, { email });
  if (problem) {
    console.error(`Password refused: ${problem}`);
    process.exit(2);
  }
}

const db = createDb();
try {
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) {
    const updated = await db.user.update({
      where: { id: existing.id },
      data: {
        ...(role ? { role } : {}),
        ...(name ? { name } : {}),
        ...(password ? { passwordHash: await hashPassword(password) } : {}),
      },
    });
    console.log(`Updated ${updated.email}: role ${updated.role}${password ? ", new password set" : ""}.`);
  } else {
    const chosen = password ?? randomBytes(12).toString("base64url");
    const created = await createAccount(db, { email, name, role: role ?? "READER", passwordHash: await hashPassword(chosen) });
    console.log(`Created ${created.email} (${created.role}), handle @${created.handle}.`);
    if (!password) console.log(`Generated password (shown once): ${chosen}`);
  }
  console.log("Pages may show the old role or name for a moment: cached pages refresh on the next change or within the hour.");
} finally {
  await db.$disconnect();
}
