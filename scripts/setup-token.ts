import { parseArgs } from "node:util";
import { createDb } from "../lib/db/client";
import { siteUrl } from "../lib/config/site";
import { hasAdmin, issueSetupToken, SETUP_TOKEN_HOURS } from "../lib/setup/first-admin";

// `npm run setup:token`: a new one-time link to create the first admin (only while the site has
// none). `npm run serve` runs it with --if-no-admin on every start. The link is printed here,
// once; only its hash is stored.
const { values } = parseArgs({ options: { "if-no-admin": { type: "boolean" } }, strict: true });
const db = createDb();
try {
  if (await hasAdmin(db)) {
    if (!values["if-no-admin"]) console.log("This site has an admin already: no setup link is needed.");
  } else {
    const issued = await issueSetupToken(db);
    if (issued) {
      const link = `${siteUrl()}/setup?token=${issued.token}`;
      console.log(
        [
          "",
          "Hearth has no admin yet. Create the admin account with this one-time link (valid",
          `${SETUP_TOKEN_HOURS} hours; printed only now, a new start prints a new one):`,
          "",
          `  ${link}`,
          "",
          "Or from the shell: npm run user:create -- --email you@example.org --role ADMIN",
          "",
        ].join("\n"),
      );
    }
  }
} finally {
  await db.$disconnect();
}
