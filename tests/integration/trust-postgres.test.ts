import { describe } from "vitest";
import { freshPostgresDatabase, postgresAvailable } from "../support/postgres";
import { trustTests } from "./scenarios/trust";

// The trust-tools scenario (tests/integration/scenarios/trust.ts) on PostgreSQL.
const available = await postgresAvailable("the trust tools tests on it");

describe.skipIf(!available)("trust tools on PostgreSQL", () => trustTests(() => freshPostgresDatabase("hearth_trust")));
