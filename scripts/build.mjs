// Builds the production bundle when it is missing or older than the sources (`npm test` runs it
// beside the unit tests, so the end-to-end stage starts on a ready build).
import { buildIfNeeded } from "./lib/runtime.mjs";

await buildIfNeeded();
