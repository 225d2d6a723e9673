import { db } from "../../lib/db/client";

/**
 * Runs a command-line script's `main` and exits with its code, closing the database either way;
 * an error prints its message (not a stack trace) and exits 1.
 */
export function runCli(main: () => Promise<number>): void {
  main()
    .then(async (code) => {
      await db.$disconnect();
      process.exit(code);
    })
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await db.$disconnect();
      process.exit(1);
    });
}
