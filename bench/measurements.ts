// Measurements that need no HTTP load: import throughput, translation-memory lookups, full-text
// search straight from SQL (with its plan), page weight, and the server's memory.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type pg from "pg";
import { importWireText } from "@/lib/import";
import { parseLearningFromBatch } from "@/lib/import/boilerplate";
import { parseFiles } from "@/lib/import/parse-files";

const samplesDir = path.join(import.meta.dirname, "..", "seed", "sample-articles");
const samples = readdirSync(samplesDir)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => new Uint8Array(readFileSync(path.join(samplesDir, name))));

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

export async function measureImportDryRun(rounds = 100) {
  importWireText(samples[0]!); // load the word lists outside the timing
  const files = Array.from({ length: rounds }, (_, round) => samples.map((bytes, n) => ({ name: `dry-${round}-${n}.txt`, bytes }))).flat();
  const started = performance.now();
  // `npm run import -- --dry-run`'s path: readers, pipeline, and the batch's learnt boilerplate.
  await parseLearningFromBatch(files, parseFiles);
  const seconds = (performance.now() - started) / 1000;
  return {
    files: rounds * samples.length,
    seconds: Math.round(seconds * 100) / 100,
    filesPerSecond: Math.round((rounds * samples.length) / seconds),
  };
}

/** CPU seconds (user + system) of one process's thread, from /proc; 0 once it is gone. */
function threadCpuSeconds(tid: number, pid = process.pid): number {
  return procCpuSeconds(`/proc/${pid}/task/${tid}/stat`).own;
}

function procCpuSeconds(statFile: string): { own: number; reaped: number } {
  try {
    // The fields after the command's closing parenthesis: state is field 3, utime 14 … cstime 17.
    const fields = readFileSync(statFile, "utf8").split(") ").at(-1)!.split(" ").map(Number);
    return { own: (fields[11]! + fields[12]!) / CLOCK_TICKS, reaped: (fields[13]! + fields[14]!) / CLOCK_TICKS };
  } catch {
    return { own: 0, reaped: 0 };
  }
}
const CLOCK_TICKS = 100;

/** CPU seconds of a server and all its processes, the ended ones included (PostgreSQL's backends). */
function processTreeCpuSeconds(pid: number): number {
  const root = procCpuSeconds(`/proc/${pid}/stat`);
  return root.own + root.reaped + childPids(pid).reduce((sum, child) => sum + procCpuSeconds(`/proc/${child}/stat`).own, 0);
}

const rounded = (seconds: number) => Math.round(seconds * 100) / 100;

/**
 * Distinct copies of the samples into the database along `npm run import`'s path: importMany in
 * chunks of files per transaction, the pipeline in the parse pool from 50 files on. The pool's
 * start (each worker loads its word lists) is inside the timing, as it is inside a CLI run.
 * Beside the wall clock, the CPU seconds of this process, of its calling thread, of the pool's
 * threads and (given its postmaster's pid) of PostgreSQL: on a shared machine they compare versions.
 */
export async function measureImportIntoDatabase(count = 1000, options: { postgresPid?: number } = {}) {
  const { importMany } = await import("@/lib/import-review/batch");
  const { parserFor } = await import("@/lib/import/parse-pool");
  const files = Array.from({ length: count }, (_, n) => {
    const text = new TextDecoder().decode(samples[n % samples.length]!);
    // A unique marker in every paragraph makes each copy a new article rather than a duplicate.
    const marker = randomUUID().slice(0, 8);
    return {
      name: `bench-${n}.txt`,
      bytes: new TextEncoder().encode(text.replace(/\.(\s)/g, (_match, space: string) => ` ${marker}${n}.${space}`)),
    };
  });
  const threadsBefore = new Set(readdirSync("/proc/self/task").map(Number));
  const processBefore = process.cpuUsage();
  const mainBefore = threadCpuSeconds(process.pid);
  const postgresBefore = options.postgresPid ? processTreeCpuSeconds(options.postgresPid) : 0;
  const started = performance.now();
  const parser = parserFor(files.length);
  const outcomes = await importMany(files, null, { parse: parser.parse });
  const seconds = (performance.now() - started) / 1000;
  const processCpu = process.cpuUsage(processBefore);
  // The threads started since (the pool's workers, still running until close).
  const poolThreads = readdirSync("/proc/self/task")
    .map(Number)
    .filter((tid) => !threadsBefore.has(tid));
  const cpuSeconds = {
    process: rounded((processCpu.user + processCpu.system) / 1e6),
    callingThread: rounded(threadCpuSeconds(process.pid) - mainBefore),
    poolThreads: rounded(poolThreads.reduce((sum, tid) => sum + threadCpuSeconds(tid), 0)),
    ...(options.postgresPid ? { postgres: rounded(processTreeCpuSeconds(options.postgresPid) - postgresBefore) } : {}),
  };
  await parser.close();
  const created = outcomes.filter((outcome) => outcome.status === "created").length;
  return { files: count, created, seconds: rounded(seconds), articlesPerSecond: Math.round(created / seconds), cpuSeconds };
}

/** The reader search's own statement (lib/public/search.ts), timed straight in SQL with its plan. */
export async function measureSearchSql(client: pg.Client, query = "diplomatie economique") {
  const { searchSql } = await import("@/lib/public/search");
  const statement = searchSql("fr", { query }, 1);
  const plan = (await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values)).rows[0]["QUERY PLAN"][0];
  const timings: number[] = [];
  for (let n = 0; n < 20; n++) {
    const started = performance.now();
    await client.query(statement.text, statement.values);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const planText = JSON.stringify(plan.Plan);
  return {
    query,
    executionMs: Math.round(plan["Execution Time"] * 100) / 100,
    // The GIN index for rare words, or the (language, status, published_at) walk for common ones,
    // each testing the stored vector: either way no vector recomputed per row.
    indexUsed:
      /article_versions_search_vector_fr_idx|article_versions_language_status_published_at/.test(planText) &&
      !/article_search_vector/.test(planText),
    p50Ms: percentile(timings, 50),
    p95Ms: percentile(timings, 95),
  };
}

/**
 * Fills the translation memory from the corpus' French sentences, then times near-match lookups
 * through the app's own function (lib/translations/memory.ts lookupMemory: its transaction, settings
 * and statement), and reads the plan of that statement for the index it walks, by name.
 */
export async function measureTranslationMemory(client: pg.Client, segments = 100_000) {
  const { lookupMemory, memoryLookupSql, MEMORY_INDEX, MEMORY_LOOKUP_SETTINGS } = await import("@/lib/translations/memory");
  const existing = Number((await client.query("SELECT count(*) FROM translation_segments")).rows[0].count);
  if (existing < segments) {
    await client.query(
      `
      WITH pool AS (SELECT array_agg(left(body_text, 300)) AS texts FROM (SELECT body_text FROM article_versions WHERE language = 'fr' LIMIT 5000) s)
      INSERT INTO translation_segments (id, source_language, target_language, source_text, target_text, source_normalized)
      SELECT 'bench-tm-' || n, 'fr', 'en', t.text, 'Translation ' || n, lower(immutable_unaccent(t.text))
      FROM pool, generate_series(1, $1::int) AS n,
           LATERAL (SELECT pool.texts[1 + n % array_length(pool.texts, 1)] || ' (' || n || ')' AS text) t
      ON CONFLICT DO NOTHING`,
      [segments - existing],
    );
    await client.query("ANALYZE translation_segments");
  }
  const probes = (await client.query("SELECT source_normalized FROM translation_segments ORDER BY id LIMIT 50")).rows.map((row) =>
    String(row.source_normalized)
      .slice(0, 200)
      .replace(/\(\d+\)$/, "(x)"),
  );
  const statement = memoryLookupSql("fr", "en", [probes[0]!]);
  await client.query("BEGIN");
  for (const setting of MEMORY_LOOKUP_SETTINGS) await client.query(setting);
  const plan = JSON.stringify((await client.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values)).rows[0]["QUERY PLAN"]);
  await client.query("ROLLBACK");
  await lookupMemory("fr", "en", [probes[0]!]); // the Prisma client's connection, outside the timing
  const timings: number[] = [];
  for (const probe of probes) {
    const started = performance.now();
    await lookupMemory("fr", "en", [probe]);
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  return {
    segments: Math.max(existing, segments),
    lookups: probes.length,
    p50Ms: percentile(timings, 50),
    p95Ms: percentile(timings, 95),
    index: MEMORY_INDEX,
    indexUsed: plan.includes(`"Index Name":"${MEMORY_INDEX}"`),
  };
}

export async function measurePageWeight(baseUrl: string, pagePath: string) {
  const html = await (await fetch(baseUrl + pagePath)).text();
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]!);
  let jsBytes = 0;
  let jsGzipBytes = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    jsBytes += body.byteLength;
    jsGzipBytes += gzipSync(body).byteLength;
  }
  return {
    html,
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html).byteLength,
    scripts: new Set(scripts).size,
    jsBytes,
    jsGzipBytes,
  };
}

/** Resident memory of a process and its children, in MB (from /proc). */
export function residentMemoryMb(pid: number): number {
  const pids = [pid, ...childPids(pid)];
  let kilobytes = 0;
  for (const id of pids) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"));
      kilobytes += Number(match?.[1] ?? 0);
    } catch {
      // the process ended
    }
  }
  return Math.round(kilobytes / 1024);
}

function childPids(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((child) => [child, ...childPids(child)]);
  } catch {
    return [];
  }
}
