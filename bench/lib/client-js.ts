// The JavaScript an anonymous reader's browser downloads and runs on an essay, measured with a
// real browser (Chromium, through Playwright): every response the page's loading made for a
// script (resource type "script": <script src>, module imports, script preloads), the
// Content-Security-Policy the page was sent with, the violations the browser reported (scripts it
// refused to run), and the inline <script> in the HTML, counted apart from the downloads.
import { chromium } from "@playwright/test";
import { gzipSync } from "node:zlib";

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium";

export interface ClientJsFile {
  url: string;
  status: number;
  rawBytes: number;
  gzipBytes: number;
}

export interface ClientJsResult {
  page: string;
  /** Script responses the browser received while loading the page. */
  files: ClientJsFile[];
  rawBytes: number;
  /** Each file gzipped at level 9 here (what it would weigh on the wire, compressed). */
  gzipBytes: number;
  /** Script requests that got no response (blocked, failed). */
  failedRequests: { url: string; failure: string }[];
  /** The page's Content-Security-Policy header (null when none). */
  csp: string | null;
  /** Its script-src (or default-src) directive, e.g. "'none'". */
  scriptSrc: string | null;
  /** Script the browser refused to run (securitypolicyviolation events for script-src). */
  blocked: { directive: string; blockedURI: string }[];
  /** Inline <script> elements in the HTML that a browser would execute (no src, JavaScript type). */
  inlineExecutable: { count: number; bytes: number; gzipBytes: number };
  /** Inline <script> data blocks (JSON, JSON-LD…): parsed as data, never run. */
  inlineData: { count: number; bytes: number };
  /** Bytes of script the browser ran: downloaded files plus inline script, unless the CSP blocked them. */
  ranBytes: number;
  htmlBytes: number;
  /** What the measurement targets: the anonymous page downloads and runs no JavaScript. */
  pass: boolean;
}

const JS_TYPES = new Set([
  "",
  "module",
  "text/javascript",
  "application/javascript",
  "text/ecmascript",
  "application/ecmascript",
]);

/** Inline <script> elements of `html` (no src), split into JavaScript and data blocks. */
export function inlineScripts(html: string): {
  executable: { count: number; bytes: number; gzipBytes: number };
  data: { count: number; bytes: number };
} {
  const code: string[] = [];
  let dataCount = 0;
  let dataBytes = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = m[1] ?? "";
    if (/\ssrc\s*=/i.test(` ${attrs}`)) continue;
    const type =
      (/\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(` ${attrs}`) ?? []).slice(1).find((v) => v !== undefined) ?? "";
    const body = m[2] ?? "";
    if (JS_TYPES.has(type.trim().toLowerCase())) code.push(body);
    else {
      dataCount++;
      dataBytes += Buffer.byteLength(body);
    }
  }
  const all = Buffer.from(code.join("\n"));
  return {
    executable: { count: code.length, bytes: all.length, gzipBytes: code.length ? gzipSync(all, { level: 9 }).length : 0 },
    data: { count: dataCount, bytes: dataBytes },
  };
}

function directive(csp: string | null, name: string): string | null {
  if (!csp) return null;
  for (const part of csp.split(";")) {
    const [key, ...values] = part.trim().split(/\s+/);
    if (key?.toLowerCase() === name) return values.join(" ");
  }
  return null;
}

/** Loads `url` in Chromium as an anonymous reader (fresh context, no cookies) and counts its JavaScript. */
export async function measureClientJs(url: string): Promise<ClientJsResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: true, serviceWorkers: "block" });
    const page = await context.newPage();
    // Injected by the browser's debugging protocol, not by the page, so it runs whatever the CSP.
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: { directive: string; blockedURI: string }[] };
      w.__violations = [];
      document.addEventListener("securitypolicyviolation", (e) =>
        w.__violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI }),
      );
    });
    const pending: Promise<ClientJsFile | null>[] = [];
    const failedRequests: { url: string; failure: string }[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      pending.push(
        response
          .body()
          .then((body) => ({
            url: new URL(response.url()).pathname,
            status: response.status(),
            rawBytes: body.length,
            gzipBytes: gzipSync(body, { level: 9 }).length,
          }))
          .catch(() => ({ url: new URL(response.url()).pathname, status: response.status(), rawBytes: 0, gzipBytes: 0 })),
      );
    });
    page.on("requestfailed", (request) => {
      if (request.resourceType() === "script")
        failedRequests.push({ url: request.url(), failure: request.failure()?.errorText ?? "" });
    });
    // One retry: a browser's very first connection right after a load run was once refused.
    const response = await page
      .goto(url, { waitUntil: "load" })
      .catch(async () => (await new Promise((r) => setTimeout(r, 1000)), page.goto(url, { waitUntil: "load" })));
    if (!response || response.status() !== 200)
      throw new Error(`Chromium: GET ${url} answered ${response?.status() ?? "nothing"}`);
    await page.waitForLoadState("networkidle").catch(() => {});
    const html = (await response.body()).toString("utf8");
    const csp = (await response.allHeaders())["content-security-policy"] ?? null;
    const blocked = await page.evaluate(
      () => (window as unknown as { __violations: { directive: string; blockedURI: string }[] }).__violations,
    );
    const files = (await Promise.all(pending)).filter((f): f is ClientJsFile => f !== null);
    await context.close();

    const inline = inlineScripts(html);
    const scriptSrc = directive(csp, "script-src") ?? directive(csp, "default-src");
    const rawBytes = files.reduce((n, f) => n + f.rawBytes, 0);
    const gzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0);
    // Inline script runs unless the policy allows no script at all (or blocked it, as reported).
    const inlineBlocked = scriptSrc !== null && /^'none'$/i.test(scriptSrc.trim());
    const inlineRan = inlineBlocked || blocked.some((b) => b.blockedURI === "inline") ? 0 : inline.executable.bytes;
    const ranBytes = rawBytes + inlineRan;
    return {
      page: new URL(url).pathname,
      files,
      rawBytes,
      gzipBytes,
      failedRequests,
      csp,
      scriptSrc,
      blocked,
      inlineExecutable: inline.executable,
      inlineData: inline.data,
      ranBytes,
      htmlBytes: Buffer.byteLength(html),
      pass: files.length === 0 && ranBytes === 0,
    };
  } finally {
    await browser.close();
  }
}
