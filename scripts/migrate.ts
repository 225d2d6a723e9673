import { migrate } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";

const url = databaseUrl();
const result = await migrate(url);
console.log(
  result.applied.length > 0
    ? `Applied ${result.applied.length} migration(s) to ${result.engine}: ${result.applied.join(", ")}`
    : `Database (${result.engine}) is up to date.`,
);
