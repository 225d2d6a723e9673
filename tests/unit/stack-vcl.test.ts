import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// The app's one definition of "viewer".
import { GUEST_COOKIE_NAMES as GUEST_COOKIES, SESSION_COOKIE_NAMES as SESSION_COOKIES, VIEWER_PARAMS } from "../../lib/auth/viewer";
import { VCL_TEMPLATE, varnishdPath, vclFor } from "../../scripts/lib/stack.mjs";
import { postgresRequired } from "../support/postgres";

const vcl = readFileSync(VCL_TEMPLATE, "utf8");
/** The VCL without its comments (what Varnish runs). */
const code = vcl
  .split("\n")
  .map((line) => line.replace(/^\s*#.*$/, ""))
  .join("\n");

/** The body of `sub <name> { … }` (subs do not nest braces at column 0). */
function sub(name: string): string {
  const match = new RegExp(`\\nsub ${name} \\{\\n([\\s\\S]*?)\\n\\}`).exec(code);
  if (!match?.[1]) throw new Error(`deploy/varnish/hearth.vcl has no sub ${name}`);
  return match[1];
}

/** The regular expressions `subject ~ "…"` in `source`, as Varnish reads them (no escapes in VCL strings). */
function regexesOn(source: string, subject: string): RegExp[] {
  const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return [...source.matchAll(new RegExp(`${escaped} ~ "([^"]*)"`, "g"))].map((m) => new RegExp(m[1] as string));
}

/** The names of the `(a|b|c)` group in a regex that lists them (regex-escaped dots undone). */
function namesIn(regex: RegExp): string[] {
  const groups = [...regex.source.matchAll(/\(([^()?]*\|[^()]*|[A-Za-z_][\w.\\-]*)\)/g)].map((m) => m[1] as string);
  const list = groups.find((g) => /[a-z]/.test(g) && !g.includes("^") && !g.includes("$"));
  if (!list) throw new Error(`no list of names in ${regex.source}`);
  return list.split("|").map((n) => n.replace(/\\\./g, "."));
}

describe("deploy/varnish/hearth.vcl: who is a viewer", () => {
  const viewer = sub("hearth_viewer");
  const cookieRegexes = regexesOn(viewer, "req.http.Cookie");
  const urlRegexes = regexesOn(viewer, "req.url");
  const [sessionRegex, guestRegex] = cookieRegexes as [RegExp, RegExp];
  const [paramsRegex] = urlRegexes as [RegExp];

  it("lists the app's session cookies, guest cookies and viewer parameters, no more, no fewer", () => {
    expect(cookieRegexes).toHaveLength(2);
    expect(urlRegexes).toHaveLength(1);
    expect(namesIn(sessionRegex).sort()).toEqual([...SESSION_COOKIES].sort());
    expect(namesIn(guestRegex).sort()).toEqual([...GUEST_COOKIES].sort());
    expect(namesIn(paramsRegex).sort()).toEqual([...VIEWER_PARAMS].sort());
  });

  it("names them in that one place only", () => {
    const elsewhere = code.replace(viewer, "");
    for (const name of [...SESSION_COOKIES, ...GUEST_COOKIES]) expect(elsewhere).not.toContain(name);
  });

  it("recognises every session cookie, chunked or not, wherever it is in the Cookie header", () => {
    for (const name of SESSION_COOKIES) {
      for (const header of [`${name}=x`, `a=1; ${name}=x`, `a=1;${name}.0=x; ${name}.1=y`, `${name}.12=x`]) {
        expect(sessionRegex.test(header), header).toBe(true);
      }
    }
    for (const header of [
      "xauthjs.session-token=1",
      "authjs.session-token-old=1",
      "authjs.csrf-token=abc",
      "a=authjs.session-token",
    ]) {
      expect(sessionRegex.test(header), header).toBe(false);
    }
  });

  it("recognises the guest cookies and the viewer parameters, and nothing that only looks like them", () => {
    for (const name of GUEST_COOKIES) {
      expect(guestRegex.test(`${name}=x`)).toBe(true);
      expect(guestRegex.test(`theme=dark; ${name}=x`)).toBe(true);
      expect(guestRegex.test(`${name}_old=x`)).toBe(false);
    }
    for (const param of VIEWER_PARAMS) {
      expect(paramsRegex.test(`/posts/a?${param}=1`)).toBe(true);
      expect(paramsRegex.test(`/posts/a?x=1&${param}`)).toBe(true);
      expect(paramsRegex.test(`/posts/a?not${param}=1`)).toBe(false);
    }
    expect(paramsRegex.test("/posts/replyto-and-edit")).toBe(false);
  });
});

describe("deploy/varnish/hearth.vcl: the rest of the contract", () => {
  it("purges by xkey from the purgers' addresses only, and indexes pages by their Cache-Tag", () => {
    expect(code).toMatch(/if \(client\.ip !~ hearth_purgers\) \{\s*return \(synth\(403/);
    expect(code).toContain("xkey.purge(req.http.xkey-purge)");
    expect(sub("vcl_backend_response")).toContain("set beresp.http.xkey = beresp.http.Cache-Tag;");
  });

  it("never retries a write on another instance", () => {
    for (const name of ["vcl_backend_error", "vcl_backend_response"]) {
      const body = sub(name);
      for (const retry of body.matchAll(/if \(([^{]*)\) \{[^}]*return \(retry\)/g)) {
        expect(retry[1]).toMatch(/bereq\.method == "GET" \|\| bereq\.method == "HEAD"/);
        expect(retry[1]).toMatch(/bereq\.retries < \d/);
      }
    }
  });
});

describe("vclFor", () => {
  it("writes one backend per instance port into the template, and nothing else changes", () => {
    const generated = vclFor(vcl, [4001, 4002, 4003, 4004]);
    for (const [i, port] of [4001, 4002, 4003, 4004].entries()) {
      expect(generated).toContain(`backend hearth${i + 1} { .host = "127.0.0.1"; .port = "${port}";`);
      expect(generated).toContain(`hearth.add_backend(hearth${i + 1});`);
      expect(generated).toContain(`" hearth${i + 1}( |$)" && std.healthy(hearth${i + 1})`);
    }
    const outside = (text: string) =>
      text.slice(0, text.indexOf("# BEGIN BACKENDS")) + text.slice(text.indexOf("# END BACKENDS"));
    expect(outside(generated)).toBe(outside(vcl));
    // The file as committed is what the generator makes for the default ports.
    expect(vclFor(vcl, [3201, 3202, 3203])).toBe(vcl);
  });

  it("makes VCL that Varnish compiles, with the xkey module", () => {
    const varnishd = varnishdPath();
    if (!varnishd) {
      if (postgresRequired()) throw new Error("varnishd is required here (CI): apt-get install varnish varnish-modules");
      console.warn("varnishd not installed: the VCL is not compiled here.");
      return;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), "hearth-vcl-"));
    // As root, Varnish compiles the VCL as its own user (Debian's `varnish`), who must read it.
    chmodSync(dir, 0o755);
    try {
      const file = path.join(dir, "hearth.vcl");
      writeFileSync(file, vclFor(vcl, [4001, 4002]));
      const result = spawnSync(varnishd, ["-C", "-n", path.join(dir, "work"), "-f", file], { encoding: "utf8" });
      expect(result.status, result.stderr.slice(-2000)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
