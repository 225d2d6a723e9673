import { describe } from "vitest";
import { freshPostgresDatabase, postgresAvailable } from "../support/postgres";
import { commentOrderTests } from "./scenarios/comment-order";

// The comment-order scenario (tests/integration/scenarios/comment-order.ts) on PostgreSQL, where
// the ORDER BY and the "comes before" count compare timestamps, integers and enum statuses.
const available = await postgresAvailable("the comment order tests on it");

describe.skipIf(!available)("comment order on PostgreSQL", () => commentOrderTests(() => freshPostgresDatabase("hearth_order")));
