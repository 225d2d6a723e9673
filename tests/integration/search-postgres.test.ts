import { describe } from "vitest";
import { freshPostgresDatabase, postgresAvailable } from "../support/postgres";
import { searchTests } from "./scenarios/search";

// The search scenario (tests/integration/scenarios/search.ts) on PostgreSQL: expression GIN
// indexes, plainto_tsquery, ts_rank and ts_headline.
const available = await postgresAvailable("the search tests on it");

describe.skipIf(!available)("search on PostgreSQL", () => searchTests(() => freshPostgresDatabase("hearth_search")));
