// `npm test`: the static checks (types over the whole project, ESLint, Prettier), unit and integration tests (Vitest, real PostgreSQL), then the production build
// and the browser journeys (Playwright, Debian's Chromium). Ends with one summary line for all
// suites: `N passed, N failed, N skipped`.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { startDatabaseServer } from "@/scripts/lib/database/postgres";
import { runNext, startNext, waitForHealthy } from "./lib/next-server";
import { freePort } from "@/scripts/lib/free-port";

type Counts = { passed: number; failed: number; skipped: number };
const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "cms-tests-"));
chmodSync(work, 0o755); // the embedded server runs as the postgres user and must reach its folder
// `npm test -- static` (types, lint, formatting), `npm test -- unit` or `npm test -- e2e [playwright args, e.g. e2e/import.spec.ts]` runs one part.
const [only, ...playwrightArgs] = process.argv.slice(2);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function vitest(): Promise<Counts> {
  const report = path.join(work, "vitest.json");
  const code = await run(
    path.join(root, "node_modules/.bin/vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    process.env,
  );
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const json = JSON.parse(readFileSync(report, "utf8"));
  const counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
  // A suite that fails to load counts no test but must still fail the run.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(chromium)) return;
  console.log("Chromium is missing: installing Debian's package (apt-get install -y chromium)…");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

// The backup tests drive pg_dump/pg_restore, which must match the embedded server's major (15).
function ensurePostgresClient() {
  if (spawnSync("pg_dump", ["--version"]).status === 0) return;
  console.log("pg_dump is missing: installing Debian's package (apt-get install -y postgresql-client)…");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  spawnSync("apt-get", ["install", "-y", "-qq", "postgresql-client"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

// The mailbox ingest tests start Debian's dovecot as a real IMAP server (test/fixtures/dovecot.ts).
function ensureDovecot() {
  if (existsSync(process.env.DOVECOT_PATH ?? "/usr/sbin/dovecot")) return;
  console.log("dovecot is missing: installing Debian's package (apt-get install -y dovecot-imapd)…");
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  spawnSync("apt-get", ["install", "-y", "-qq", "dovecot-imapd"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

// The browser journeys in two passes (projects in playwright.config.ts): first the journeys that each make
// their own data, two at a time; then, alone, the specs that compare the whole database before and after
// (a refused action, an opened page writes nothing), so no other journey's write lands in between.
const PLAYWRIGHT_PASSES = ["journeys", "whole-database"] as const;

async function playwrightPass(project: string, env: NodeJS.ProcessEnv): Promise<Counts> {
  const report = path.join(work, `playwright-${project}.json`);
  const code = await run(
    path.join(root, "node_modules/.bin/playwright"),
    ["test", `--project=${project}`, "--pass-with-no-tests", ...playwrightArgs],
    {
      ...env,
      PLAYWRIGHT_JSON: report,
      PLAYWRIGHT_OUTPUT_DIR: path.join(work, "playwright-results", project),
      E2E_AUTH_DIR: path.join(work, "auth"),
    },
  );
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const stats = JSON.parse(readFileSync(report, "utf8")).stats;
  const counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

async function playwright(): Promise<Counts> {
  ensureChromium();
  const database = `cms_e2e_${randomBytes(4).toString("hex")}`;
  const server = await startDatabaseServer({ persistent: false, dataDir: path.join(work, "pg-e2e"), database });
  try {
    await applyMigrations(server.url);
    process.env.DATABASE_URL = server.url;
    const { seedDatabase } = await import("../seed/seed");
    await seedDatabase();

    const port = await freePort();
    const distDir = `.next-test-${process.pid}`;
    // A parse budget a 2 MB upload can exceed (e2e/import-hostile.spec.ts); a wire story takes milliseconds.
    const env = {
      ...process.env,
      DATABASE_URL: server.url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      NODE_ENV: "production" as const,
      NEXT_DIST_DIR: distDir,
      CMS_THROWAWAY_BUILD: "1",
      IMPORT_PARSE_BUDGET_MS: process.env.IMPORT_PARSE_BUDGET_MS ?? "1000",
    };
    console.log("Building the CMS for the browser tests (next build)…");
    await runNext(["build"], env);
    const app = startNext(port, env);
    try {
      const baseUrl = `http://localhost:${port}`;
      await waitForHealthy(baseUrl);
      const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
      for (const project of PLAYWRIGHT_PASSES) {
        const pass = await playwrightPass(project, { ...env, BASE_URL: baseUrl });
        counts.passed += pass.passed;
        counts.failed += pass.failed;
        counts.skipped += pass.skipped;
      }
      return counts;
    } finally {
      app.kill("SIGTERM");
      rmSync(path.join(root, distDir), { recursive: true, force: true });
    }
  } finally {
    await server.stop();
  }
}

/** The static checks, each one test: types over the whole project, lint, formatting. */
async function staticChecks(): Promise<Counts> {
  const bin = (name: string) => path.join(root, "node_modules/.bin", name);
  const checks: [string, string, string[]][] = [
    ["typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]],
    ["lint (eslint)", bin("eslint"), [".", "--max-warnings=0"]],
    ["format (prettier --check)", bin("prettier"), ["--check", ".", "--log-level=warn"]],
  ];
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [name, cmd, args] of checks) {
    console.log(`\n${name}…`);
    const code = await run(cmd, args, process.env);
    console.log(code === 0 ? `  ✓ ${name}` : `  ✘ ${name} failed`);
    if (code === 0) counts.passed++;
    else counts.failed++;
  }
  return counts;
}

async function main() {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (counts: Counts) => {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  };
  try {
    if (only === undefined || only === "static") add(await staticChecks());
    if (only !== "e2e" && only !== "static") {
      ensurePostgresClient();
      ensureDovecot();
      add(await vitest());
    }
    if (only !== "unit" && only !== "static") add(await playwright());
  } catch (error) {
    console.error(error);
    total.failed += 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 ? 1 : 0);
}

void main();
