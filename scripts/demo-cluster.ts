// `npm run demo:cluster`: the CMS as several app servers on one machine, all on loopback: PostgreSQL
// (as `npm run demo`), Redis (Debian's redis-server on a free port), two `next start` servers with the
// same DATABASE_URL, AUTH_SECRET and REDIS_URL, and nginx in front with deploy/nginx.conf. Prints the
// addresses (also written to .data/cluster.json for `npm run cluster:check`); Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startLocalRedis } from "@/scripts/lib/local-redis";
import { freePort } from "@/scripts/lib/free-port";
import { ensureNginx } from "../bench/nginx";
import { renderNginxConfig } from "../deploy/nginx-config";
import { DEMO_USERS } from "../seed/demo-users";
import { ensureAuthSecret } from "./lib/auth-secret";
import { runNext, startNext, waitForHealthy } from "./lib/next-server";
import { prepareDatabase } from "./lib/prepare-database";

const root = path.resolve(import.meta.dirname, "..");
const SERVERS = Number(process.env.CLUSTER_SERVERS ?? 2);
const DIST_DIR = ".next-cluster";

async function main() {
  const database = await prepareDatabase({ seed: true });
  const redis = await startLocalRedis();
  const proxyPort = Number(process.env.PORT ?? (await freePort()));
  const proxyUrl = `http://127.0.0.1:${proxyPort}`;
  const refreshToken = randomBytes(24).toString("hex");
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: database.url,
    AUTH_SECRET: ensureAuthSecret(),
    REDIS_URL: redis.url,
    SITE_URL: process.env.SITE_URL ?? proxyUrl,
    TRUSTED_PROXY_COUNT: "1",
    CACHE_PROXY_URLS: proxyUrl,
    CACHE_REFRESH_TOKEN: refreshToken,
  };
  if (!process.env.SKIP_BUILD) {
    console.log(`Building the CMS into ${DIST_DIR} (next build)…`);
    await runNext(["build"], env);
  }

  const ports = await Promise.all(Array.from({ length: SERVERS }, () => freePort()));
  const apps = ports.map((port) => startNext(port, { ...env, PORT: String(port), INTERNAL_APP_ORIGIN: `http://127.0.0.1:${port}` }));
  const runDir = path.join(root, ".data", "cluster-nginx");
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const configFile = path.join(runDir, "nginx.conf");
  writeFileSync(
    configFile,
    renderNginxConfig({ listen: `127.0.0.1:${proxyPort}`, upstreams: ports.map((port) => `127.0.0.1:${port}`), runDir, refreshToken }),
  );
  const nginx = spawn(ensureNginx(), ["-c", configFile, "-g", "daemon off;"], { stdio: "inherit" });

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const app of apps) app.kill("SIGTERM");
    nginx.kill("SIGTERM");
    await redis.stop();
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  for (const app of apps) app.on("exit", (code) => void stop(code ?? 1));
  nginx.on("exit", (code) => void stop(code ?? 1));

  const servers = ports.map((port) => `http://127.0.0.1:${port}`);
  await Promise.all(servers.map((url) => waitForHealthy(url, 120_000)));
  await waitForHealthy(proxyUrl);
  writeFileSync(
    path.join(root, ".data", "cluster.json"),
    `${JSON.stringify({ proxy: proxyUrl, servers, redis: redis.url, databaseUrl: database.url }, null, 2)}\n`,
  );

  console.log(`\nThe CMS runs as ${SERVERS} app servers behind nginx:`);
  console.log(`  Through nginx (cache): ${proxyUrl}/fr   admin ${proxyUrl}/admin`);
  servers.forEach((url, n) => console.log(`  App server ${n + 1}:         ${url}`));
  console.log(`  Redis (shared cache):  ${redis.url}`);
  console.log(`  PostgreSQL:            one database for all, jobs in its pgboss schema\n`);
  console.log("Demo sign-ins (local demo only):");
  for (const user of DEMO_USERS) console.log(`  ${user.role.padEnd(10)} ${user.email.padEnd(24)} ${user.password}`);
  console.log("\nCheck it: npm run cluster:check    Press Ctrl-C to stop.");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
