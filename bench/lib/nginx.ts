// A static twin of a page: nginx serving exact bytes as a file at the page's own path, the
// yardstick the servers are compared with. nginx runs unprivileged in the foreground with its
// own prefix under .data/bench/ (one process: `master_process off`, like the one Node process
// it is compared with), serving only that file.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { request } from "./http";
import { track, stop } from "./server";

export const NGINX = process.env.BENCH_NGINX ?? "/usr/sbin/nginx";

export interface StaticTwin {
  base: string;
  url: string;
  port: number;
  /** The file nginx serves. */
  file: string;
  bytes: number;
  dir: string;
  child: ChildProcess;
}

function config(dir: string, port: number): string {
  const temp = (name: string) => path.join(dir, "temp", name);
  return `# Written by bench/lib/nginx.ts for one benchmark run.
daemon off;
master_process off;
worker_processes 1;
error_log ${path.join(dir, "error.log")} warn;
pid ${path.join(dir, "nginx.pid")};
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp("client_body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  server_tokens off;
  # A request that accepts gzip gets <file>.gz when there is one (the server's own gzip bytes).
  gzip_static on;
  gzip_vary on;
  types { }
  default_type "text/html; charset=utf-8";
  server {
    listen 127.0.0.1:${port};
    root ${path.join(dir, "root")};
    location / { try_files $uri =404; }
  }
}
`;
}

/**
 * Writes `body` to <dir>/root/<urlPath> and serves it with nginx on 127.0.0.1:`port`. Resolves
 * once nginx answers that path with exactly those bytes.
 */
export async function startStaticTwin(options: {
  dir: string;
  port: number;
  urlPath: string;
  body: Buffer;
  /** The server's gzip bytes of the same page, served as <file>.gz to requests accepting gzip. */
  gzipBody?: Buffer;
}): Promise<StaticTwin> {
  const { dir, port, urlPath, body, gzipBody } = options;
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    mkdirSync(path.join(dir, "temp", sub), { recursive: true });
  const file = path.join(dir, "root", ...urlPath.split("/").filter(Boolean));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, body);
  if (gzipBody) writeFileSync(`${file}.gz`, gzipBody);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, config(dir, port));
  const log = openSync(path.join(dir, "stderr.log"), "w");
  const child = spawn(NGINX, ["-p", dir, "-c", conf, "-e", path.join(dir, "error.log")], { stdio: ["ignore", log, log] });
  closeSync(log);
  track(child);
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}${urlPath}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const why = [readText(path.join(dir, "stderr.log")), readText(path.join(dir, "error.log"))].join("\n").trim();
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}): ${why}`);
    }
    try {
      const res = await request(url, { timeoutMs: 2000 });
      if (res.status === 200 && res.body.equals(body)) break;
      if (res.status === 200)
        throw new Error(`nginx serves ${res.body.length} bytes at ${urlPath}, not the ${body.length} written`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("nginx serves")) {
        await stop(child);
        throw error;
      }
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`nginx did not serve ${url} within 10 s (see ${path.join(dir, "error.log")})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, url, port, file, bytes: body.length, dir, child };
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
