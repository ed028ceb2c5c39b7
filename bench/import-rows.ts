// The benchmark's two import rows alone (dry run files/s, articles/s into the database), on a
// throwaway embedded PostgreSQL with every migration: for working on the pipeline's speed without
// the 100,000-article corpus and the HTTP rows; `--bench-database` writes into the full run's
// corpus instead (as its row does; made by `npm run bench` first). Prints JSON; writes nothing tracked.
//   npx tsx --conditions=react-server bench/import-rows.ts [--rounds 100] [--count 1000] [--dry-run-only | --bench-database]
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { startDatabaseServer } from "@/scripts/lib/database/postgres";
import { measureImportDryRun, measureImportIntoDatabase } from "./measurements";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "100" },
    count: { type: "string", default: "1000" },
    "dry-run-only": { type: "boolean", default: false },
    "bench-database": { type: "boolean", default: false },
  },
});

// CPU time beside the wall clock: on a machine shared with other work, files per CPU second
// compares two versions of the pipeline where files per second cannot.
const cpuBefore = process.cpuUsage();
const dryRun = await measureImportDryRun(Number(values.rounds));
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(
  JSON.stringify({
    dryRun: { ...dryRun, cpuSeconds: Math.round(cpuSeconds * 100) / 100, filesPerCpuSecond: Math.round(dryRun.files / cpuSeconds) },
  }),
);
/** The database row into the server at `url`, whose data folder (its postmaster's pid) is `dataDir`. */
async function measureInto(url: string, dataDir: string): Promise<void> {
  process.env.DATABASE_URL = url;
  const postgresPid = Number.parseInt(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8"), 10);
  console.log(JSON.stringify({ intoDatabase: await measureImportIntoDatabase(Number(values.count), { postgresPid }) }));
  const { db } = await import("@/lib/db");
  await db.$disconnect();
}

if (values["bench-database"]) {
  // The full run's corpus, reused (or generated when missing).
  const { BENCH_CORPUS, BENCH_DATA_DIR, prepareBenchDatabase } = await import("./generate");
  const { server } = await prepareBenchDatabase({ ...BENCH_CORPUS, fresh: false });
  try {
    await measureInto(server.url, BENCH_DATA_DIR);
  } finally {
    await server.stop();
  }
} else if (!values["dry-run-only"]) {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cms-bench-import-"));
  const server = await startDatabaseServer({ persistent: false, dataDir, database: `cms_import_${randomBytes(4).toString("hex")}` });
  try {
    await applyMigrations(server.url);
    await measureInto(server.url, dataDir);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
