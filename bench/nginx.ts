// The limit to compare against: nginx (Debian's package) serving the same article HTML as a static
// file on this machine, started for the run and stopped after it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderNginxConfig } from "../deploy/nginx-config";

export function ensureNginx(): string {
  const binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].find(existsSync);
  if (binary) return binary;
  spawnSync("apt-get", ["install", "-y", "-qq", "nginx"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const installed = ["/usr/sbin/nginx", "/usr/bin/nginx"].find(existsSync);
  if (!installed) throw new Error("nginx is not installed and apt-get could not install it");
  return installed;
}

/** nginx with deploy/nginx.conf (the production caching proxy) in front of one app server. */
export async function startCachingNginx(
  workDir: string,
  upstream: string,
  port: number,
  pagePath: string,
): Promise<{ url: string; process: ChildProcess }> {
  const runDir = path.join(workDir, "caching-nginx");
  mkdirSync(runDir, { recursive: true });
  const config = path.join(runDir, "nginx.conf");
  writeFileSync(
    config,
    renderNginxConfig({ listen: `127.0.0.1:${port}`, upstreams: [upstream], runDir, refreshToken: randomBytes(16).toString("hex") }),
  );
  return startAndWait(
    spawn(ensureNginx(), ["-c", config, "-g", "daemon off;"], { stdio: "inherit" }),
    `http://127.0.0.1:${port}${pagePath}`,
  );
}

async function startAndWait(child: ChildProcess, url: string): Promise<{ url: string; process: ChildProcess }> {
  // The first request through the caching proxy renders the page: allow it time on a busy machine.
  let lastStatus = "no answer";
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(url);
      if (response.ok) return { url, process: child };
      lastStatus = `HTTP ${response.status}`;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`nginx did not answer ${url} (${lastStatus})`);
}

export async function startStaticNginx(workDir: string, html: string, port: number): Promise<{ url: string; process: ChildProcess }> {
  const root = path.join(workDir, "www");
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, "article.html"), html);
  const config = path.join(workDir, "nginx.conf");
  writeFileSync(
    config,
    `worker_processes auto;
pid ${workDir}/nginx.pid;
error_log ${workDir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  client_body_temp_path ${workDir}/body; proxy_temp_path ${workDir}/proxy; fastcgi_temp_path ${workDir}/fastcgi;
  uwsgi_temp_path ${workDir}/uwsgi; scgi_temp_path ${workDir}/scgi;
  types { text/html html; }
  server { listen 127.0.0.1:${port}; root ${root}; location / { try_files $uri =404; } }
}
`,
  );
  return startAndWait(
    spawn(ensureNginx(), ["-c", config, "-g", "daemon off;"], { stdio: "inherit" }),
    `http://127.0.0.1:${port}/article.html`,
  );
}
