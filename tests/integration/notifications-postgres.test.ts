import { describe } from "vitest";
import { freshPostgresDatabase, postgresAvailable } from "../support/postgres";
import { notificationTests } from "./scenarios/notifications";

// The notification outbox scenario (tests/integration/scenarios/notifications.ts) on PostgreSQL,
// where the claim's guarded UPDATE races under READ COMMITTED and dates are timestamps.
const available = await postgresAvailable("the notification outbox tests on it");

describe.skipIf(!available)("notification outbox on PostgreSQL", () =>
  notificationTests(() => freshPostgresDatabase("hearth_notify")),
);
