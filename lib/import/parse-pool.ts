// A pool of worker threads running the import pipeline (CPU-bound, ~5 ms a file) off the thread
// that serves requests or writes to the database, with a time budget per file: a file over it has
// its worker terminated (a new one takes its place) and is refused alone; the others go on.
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Worker as WorkerThread } from "node:worker_threads";
import type { WireFile } from "./parse-files";
import type { ImportResult } from "./types";

/** A file over the time budget is refused like any other, with import.refused.tooSlow. */
export type PooledResult = ImportResult;

type Job = { file: WireFile; resolve: (result: PooledResult) => void; reject: (error: Error) => void };
/** `jobs`: the files sent to the worker, oldest (the one it parses, once started) first. */
type Member = { worker: WorkerThread; ready: boolean; jobs: Job[]; timer: NodeJS.Timeout | null; retired: boolean };
type WorkerMessage = { ready: true } | { started: number } | { result: ImportResult };

export interface ParsePool {
  /** Results in the files' order. */
  parse(files: readonly WireFile[]): Promise<PooledResult[]>;
  close(): Promise<void>;
}

// The slowest real file (2 MB, the upload limit) parses in ~2.5 s on a loaded 2-core machine;
// anything slower than twice that is a pathological input, not a story.
export const PARSE_BUDGET_MS = 5_000;

/**
 * Files sent to a worker ahead of its answers: with one, the worker waited for the calling thread
 * (busy building a chunk's rows) to hand it each next file.
 */
export const FILES_IN_FLIGHT = 2;

/** One worker per core but one: the calling thread and PostgreSQL need a core to write with. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

// Below this many files a CLI batch is parsed in the calling thread: a worker's start costs ~0.5-1 s.
export const POOL_FROM_FILES = 50;

/** The parser `npm run import` uses for this many files: the pool from POOL_FROM_FILES files on. */
export function parserFor(fileCount: number): { parse?: ParsePool["parse"]; close(): Promise<void> } {
  if (fileCount < POOL_FROM_FILES) return { close: async () => {} };
  const pool = createParsePool();
  return { parse: pool.parse, close: pool.close };
}

// Found from the project root, like the Redis cache handler, so that the server bundle (where
// import.meta.url points into the build folder) starts the same file as the CLI and the tests.
const WORKER_FILE = path.join(process.cwd(), "lib", "import", "parse-worker.mjs");

/**
 * node:worker_threads taken at run time rather than imported: Next's bundler follows an imported
 * `new Worker(file)` into the file and tries to bundle tsx and esbuild, which the worker must load
 * as they are (it compiles the TypeScript pipeline when it starts).
 */
function workerThreads(): typeof import("node:worker_threads") {
  return process.getBuiltinModule("node:worker_threads");
}

export function overBudgetResult(budgetMs: number): ImportResult {
  return { ok: false, refusal: { code: "import.refused.tooSlow", params: { seconds: budgetMs / 1000 } } };
}

/** `workerFile` is for the tests, which stand a worker that never finishes a file in for a slow input. */
export function createParsePool(size = defaultPoolSize(), options: { budgetMs?: number; workerFile?: string } = {}): ParsePool {
  const budgetMs = options.budgetMs ?? PARSE_BUDGET_MS;
  const workerFile = options.workerFile ?? WORKER_FILE;
  const queue: Job[] = [];
  let failure: Error | null = null;
  let closed = false;
  const members: Member[] = Array.from({ length: size }, () => startMember());

  function startMember(): Member {
    const member: Member = { worker: new (workerThreads().Worker)(workerFile), ready: false, jobs: [], timer: null, retired: false };
    member.worker.on("message", (message: WorkerMessage) => {
      if (member.retired) return; // a stopped worker's last words
      if ("ready" in message) member.ready = true;
      else if ("started" in message) startBudget(member, message.started);
      else finish(member, message.result);
      dispatch();
    });
    member.worker.on("error", (error) => crashed(member, error));
    member.worker.on("exit", (code) => crashed(member, new Error(`A parse worker stopped (exit code ${code}).`)));
    return member;
  }

  /** The budget runs from the moment the worker started the file (its clock), not from its queueing. */
  function startBudget(member: Member, startedAt: number) {
    const spent = performance.timeOrigin + performance.now() - startedAt;
    member.timer = setTimeout(
      () => {
        finish(member, overBudgetResult(budgetMs));
        replace(member);
        dispatch();
      },
      Math.max(0, budgetMs - spent),
    );
  }

  function finish(member: Member, result: PooledResult) {
    if (member.timer) clearTimeout(member.timer);
    member.timer = null;
    member.jobs.shift()?.resolve(result);
  }

  /** Stops a worker (over budget or broken) and starts another in its place; its files not started go back first in the queue. */
  function replace(member: Member) {
    member.retired = true;
    queue.unshift(...member.jobs.splice(0));
    void member.worker.terminate();
    if (!closed) members[members.indexOf(member)] = startMember();
  }

  function crashed(member: Member, error: Error) {
    if (member.retired) return;
    // A worker that never started will not start next time either (a missing file, a syntax
    // error): every caller is told. One that dies on a file refuses that file alone (the oldest
    // it was sent: it parses them in order).
    if (!member.ready) return failAll(error);
    if (member.jobs.length > 0)
      finish(member, { ok: false, refusal: { code: "import.refused.crashed", params: { cause: error.message } } });
    replace(member);
    dispatch();
  }

  function failAll(error: Error) {
    failure ??= error;
    for (const job of [...queue.splice(0), ...members.flatMap((member) => member.jobs.splice(0))]) job.reject(failure);
  }

  function dispatch() {
    for (const member of members) {
      if (!member.ready || member.retired) continue;
      while (member.jobs.length < FILES_IN_FLIGHT && queue.length > 0) {
        const job = queue.shift()!;
        member.jobs.push(job);
        member.worker.postMessage({ file: job.file });
      }
    }
  }

  function run(file: WireFile): Promise<PooledResult> {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      queue.push({ file, resolve, reject });
      dispatch();
    });
  }

  return {
    parse: (files) => Promise.all(files.map(run)),
    async close() {
      closed = true;
      for (const member of members) {
        member.retired = true;
        if (member.timer) clearTimeout(member.timer);
      }
      await Promise.all(members.map((member) => member.worker.terminate()));
    },
  };
}

const shared = globalThis as typeof globalThis & { importParsePool?: ParsePool };

/**
 * The server's pool: uploads and review saves parse here, never on a thread that serves
 * requests. Started on first use and kept for the life of the process (on globalThis, so a dev
 * server's module reloads do not start another).
 */
export function serverParsePool(): ParsePool {
  // IMPORT_PARSE_BUDGET_MS changes the budget (milliseconds) for a slower or faster machine.
  shared.importParsePool ??= createParsePool(defaultPoolSize(), {
    budgetMs: Number(process.env.IMPORT_PARSE_BUDGET_MS) || PARSE_BUDGET_MS,
  });
  return shared.importParsePool;
}

/** One file through the server's pool. */
export async function parseInPool(file: WireFile): Promise<PooledResult> {
  const [result] = await serverParsePool().parse([file]);
  return result!;
}
