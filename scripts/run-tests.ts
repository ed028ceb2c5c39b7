// `npm test`: the static checks (types over the whole project, ESLint, Prettier, import cycles, side by
// side), then the unit and integration tests (Vitest, real PostgreSQL), then the browser stage (a seeded
// database and a production build) and the browser journeys (Playwright, Debian's Chromium).
// Ends with one summary line for all suites: `N passed, N failed, N skipped`.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { HEADLESS_SHELL } from "@/scripts/lib/chromium";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { copyDatabase, startDatabaseServer, withDatabase, type DatabaseServer } from "@/scripts/lib/database/postgres";
import { runNext, startNext, waitForHealthy } from "./lib/next-server";
import { freePort } from "@/scripts/lib/free-port";

type Counts = { passed: number; failed: number; skipped: number };

function addCounts(total: Counts, counts: Counts): void {
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
// What failed, one line each with the first line of its error, printed again just above the summary line
// (CI keeps only the end of a run's output).
const failures: string[] = [];
const firstLine = (message: unknown) =>
  String(message ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .trim()
    .split("\n")[0]!
    .slice(0, 240);
const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "cms-tests-"));
chmodSync(work, 0o755); // the embedded server runs as the postgres user and must reach its folder
// `npm test -- static` (types, lint, formatting), `npm test -- unit` or `npm test -- e2e [playwright args, e.g. e2e/import.spec.ts]` runs one part.
const [only, ...playwrightArgs] = process.argv.slice(2);
// The environment `npm test` started with, before the browser stage points DATABASE_URL at its seed.
const callerEnv: NodeJS.ProcessEnv = { ...process.env };

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Like run, but keeps the output to print later, so commands running side by side do not interleave. */
function runCaptured(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString("utf8") }));
  });
}

type VitestFileResult = {
  name: string;
  status: string;
  message?: string;
  assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
};

async function vitest(): Promise<Counts> {
  const report = path.join(work, "vitest.json");
  const code = await run(
    path.join(root, "node_modules/.bin/vitest"),
    ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    callerEnv,
  );
  if (!existsSync(report)) return { passed: 0, failed: 1, skipped: 0 };
  const json = JSON.parse(readFileSync(report, "utf8"));
  for (const file of json.testResults as VitestFileResult[]) {
    const relative = path.relative(root, file.name);
    const failed = file.assertionResults.filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`vitest ${relative} › ${test.fullName}: ${firstLine(test.failureMessages[0])}`);
    if (file.status === "failed" && failed.length === 0) failures.push(`vitest ${relative}: ${firstLine(file.message)}`);
  }
  const counts = { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests };
  // A suite that fails to load counts no test but must still fail the run.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

function ensureChromium() {
  if (process.env.CHROMIUM_PATH) return;
  // The journeys' headless shell is optional (scripts/lib/chromium.ts falls back to chromium): each
  // package is installed on its own, so one that cannot be installed does not keep out the other.
  const missing = [
    ["/usr/bin/chromium", "chromium"],
    [HEADLESS_SHELL, "chromium-headless-shell"],
  ].filter(([file]) => !existsSync(file!));
  if (missing.length === 0) return;
  console.log(`Chromium is missing: installing Debian's packages (apt-get install -y ${missing.map(([, name]) => name).join(" ")})…`);
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  for (const [, name] of missing)
    spawnSync("apt-get", ["install", "-y", "-qq", name!], {
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
// their own data, several at a time; then, alone, the specs that compare the whole database before and
// after (a refused action, an opened page writes nothing), so no other journey's write lands in between.
const PLAYWRIGHT_PASSES = ["journeys", "whole-database"] as const;

// Journeys run this many at a time, each worker against a stack of its own (an app server, its copy of the
// build and its copy of the seeded database), so no journey sees another's rows, sessions or cached pages.
// A stack keeps about two cores busy (its server and its browser): on two cores, two stacks ran each
// journey 2.1 times slower, no faster in all; so one stack per two cores unless E2E_STACKS says otherwise.
const JOURNEY_STACKS = Math.max(1, Number(callerEnv.E2E_STACKS ?? Math.floor(availableParallelism() / 2)));

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
  const json = JSON.parse(readFileSync(report, "utf8"));
  collectPlaywrightFailures(project, json.suites ?? []);
  for (const error of json.errors ?? []) failures.push(`playwright ${project}: ${firstLine(error.message)}`);
  const stats = json.stats;
  const counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

type PlaywrightSuite = {
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; line: number; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
};

function collectPlaywrightFailures(project: string, suites: PlaywrightSuite[]) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests.filter((test) => test.status === "unexpected"))
        failures.push(`playwright ${project} ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(test.results.at(-1)?.error?.message)}`);
    collectPlaywrightFailures(project, suite.suites ?? []);
  }
}

/** One journey worker's own app: its database and its build folder. */
type Stack = { databaseUrl: string; distDir: string };
/** What the browser journeys run against: a seeded database and a production build per stack. */
type BrowserStage = { server: DatabaseServer; env: NodeJS.ProcessEnv; stacks: Stack[] };

/** Starts the journeys' database server, seeds one database and copies it per stack, and builds the CMS once. */
async function prepareBrowserStage(): Promise<BrowserStage> {
  ensureChromium();
  const database = `cms_e2e_${randomBytes(4).toString("hex")}`;
  const server = await startDatabaseServer({ persistent: false, dataDir: path.join(work, "pg-e2e"), database });
  const distDir = `.next-test-${process.pid}`;
  try {
    await applyMigrations(server.url);
    process.env.DATABASE_URL = server.url; // the seed's database client reads it
    const { seedDatabase } = await import("../seed/seed");
    await seedDatabase();
    // A database is copied only with no one connected to it: the seed's client lets go first.
    await (await import("@/lib/db")).db.$disconnect();
    const stacks: Stack[] = [{ databaseUrl: server.url, distDir }];
    for (let index = 1; index < JOURNEY_STACKS; index++) {
      await copyDatabase(server.url, database, `${database}_${index}`);
      stacks.push({ databaseUrl: withDatabase(server.url, `${database}_${index}`), distDir: `${distDir}-${index}` });
    }
    // A parse budget a 2 MB upload can exceed (e2e/import-hostile.spec.ts); a wire story takes milliseconds.
    const env = {
      ...callerEnv,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      NODE_ENV: "production" as const,
      CMS_THROWAWAY_BUILD: "1",
      IMPORT_PARSE_BUDGET_MS: callerEnv.IMPORT_PARSE_BUDGET_MS ?? "1000",
    };
    console.log("Building the CMS for the browser tests (next build)…");
    await runNext(["build"], { ...env, DATABASE_URL: server.url, NEXT_DIST_DIR: distDir });
    // Each server caches pages and data in its build folder: a copy each, so no stack serves another's pages.
    for (const stack of stacks.slice(1)) cpSync(path.join(root, distDir), path.join(root, stack.distDir), { recursive: true });
    return { server, env, stacks };
  } catch (error) {
    removeBuilds(distDir);
    await server.stop();
    throw error;
  }
}

function removeBuilds(distDir: string) {
  for (let index = 0; index < JOURNEY_STACKS; index++)
    rmSync(path.join(root, index === 0 ? distDir : `${distDir}-${index}`), { recursive: true, force: true });
}

/** Serves each stack's build and runs the journeys' passes; stops the servers and the database after. */
async function browserJourneys(stage: BrowserStage): Promise<Counts> {
  const { server, env, stacks } = stage;
  const apps: ReturnType<typeof startNext>[] = [];
  try {
    const addresses: Record<string, string> = { E2E_STACKS: String(stacks.length) };
    for (const [index, stack] of stacks.entries()) {
      const port = await freePort();
      const stackEnv = {
        ...env,
        DATABASE_URL: stack.databaseUrl,
        NEXT_DIST_DIR: stack.distDir,
        MEDIA_DIR: path.join(work, `media-${index}`),
      };
      apps.push(startNext(port, stackEnv));
      addresses[`E2E_BASE_URL_${index}`] = `http://localhost:${port}`;
      addresses[`E2E_DATABASE_URL_${index}`] = stack.databaseUrl;
    }
    await Promise.all(stacks.map((_, index) => waitForHealthy(addresses[`E2E_BASE_URL_${index}`]!)));
    const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
    for (const project of PLAYWRIGHT_PASSES) {
      // The runner itself and the whole-database pass use the first stack.
      const pass = await playwrightPass(project, {
        ...env,
        ...addresses,
        BASE_URL: addresses.E2E_BASE_URL_0,
        DATABASE_URL: stacks[0]!.databaseUrl,
        NEXT_DIST_DIR: stacks[0]!.distDir,
      });
      addCounts(counts, pass);
    }
    return counts;
  } finally {
    for (const app of apps) app.kill("SIGTERM");
    removeBuilds(stacks[0]!.distDir);
    await server.stop();
  }
}

/** The static checks, each one test and all at once: types over the whole project, lint, formatting, import cycles. */
async function staticChecks(): Promise<Counts> {
  const bin = (name: string) => path.join(root, "node_modules/.bin", name);
  const checks: [string, string, string[]][] = [
    ["typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "."]],
    ["lint (eslint)", bin("eslint"), [".", "--max-warnings=0"]],
    ["format (prettier --check)", bin("prettier"), ["--check", ".", "--log-level=warn"]],
    ["import cycles (npm run cycles)", "npm", ["run", "--silent", "cycles"]],
  ];
  console.log(`\nStatic checks: ${checks.map(([name]) => name).join(", ")}…`);
  const results = await Promise.all(checks.map(([, cmd, args]) => runCaptured(cmd, args, process.env)));
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  checks.forEach(([name], index) => {
    const { code, output } = results[index]!;
    if (output.trim()) console.log(output.trimEnd());
    console.log(code === 0 ? `  ✓ ${name}` : `  ✘ ${name} failed`);
    if (code === 0) counts.passed++;
    else {
      counts.failed++;
      failures.push(`static ${name}`);
    }
  });
  return counts;
}

async function main() {
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (counts: Counts) => addCounts(total, counts);
  const wantsUnit = only !== "e2e" && only !== "static";
  const wantsBrowser = only !== "unit" && only !== "static";
  try {
    if (only === undefined || only === "static") add(await staticChecks());
    if (wantsUnit) {
      ensurePostgresClient();
      ensureDovecot();
    }
    // One after the other: with the browser stage (database, seed, build) made beside Vitest, the two
    // took about a minute longer on two cores than in turn (Vitest 474 s beside the build, 360-394 s alone).
    if (wantsUnit) add(await vitest());
    if (wantsBrowser) add(await browserJourneys(await prepareBrowserStage()));
  } catch (error) {
    console.error(error);
    total.failed += 1;
    failures.push(`test run: ${firstLine(error instanceof Error ? error.message : error)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) console.log(`\nFailed:\n${failures.map((failure) => `  ✘ ${failure}`).join("\n")}`);
  console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 ? 1 : 0);
}

void main();
