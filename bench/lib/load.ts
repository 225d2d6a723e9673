// autocannon, which the write cases use to post forms (reads are loaded with wrk, bench/lib/wrk.ts).

/**
 * autocannon keeps every response body as a string (`req.body += chunk` in
 * lib/pipelinedRequestsQueue.js) for its optional body checks, which we do not use. For pages of
 * several hundred KB that copying and its garbage collection cost the load generator more CPU
 * than the server spends answering, so the figures would measure autocannon. Drop the copies.
 */
export function skipBodyCopies(client: unknown): void {
  const queue = (client as { pipelinedRequests?: { addBody?: unknown } }).pipelinedRequests;
  if (queue && typeof queue.addBody === "function") queue.addBody = () => {};
  else if (!warnedAboutBodies) {
    warnedAboutBodies = true;
    console.error("! autocannon internals changed: response bodies are copied, large pages will measure the client");
  }
}
let warnedAboutBodies = false;
