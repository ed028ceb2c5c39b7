// A pool of worker threads running the import pipeline (CPU-bound, ~5 ms a file) beside the thread
// that writes to the database; `npm run import` uses it for batches. Each worker loads its own
// word lists (~0.5 s), so small batches are parsed in the calling thread instead.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WireFile } from './parse-files';
import type { ImportResult } from './types';

type Job = { id: number; files: WireFile[]; resolve: (results: ImportResult[]) => void; reject: (error: Error) => void };
type Member = { worker: Worker; ready: boolean; job: Job | null };

export interface ParsePool {
  /** Results in the files' order. */
  parse(files: readonly WireFile[]): Promise<ImportResult[]>;
  close(): Promise<void>;
}

/** One worker per core but one: the calling thread and PostgreSQL need a core to write with. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

const FILES_PER_JOB = 8;
// Below this many files a batch is parsed in the calling thread: a worker's start costs ~0.5-1 s.
export const POOL_FROM_FILES = 50;

/** The parser `npm run import` uses for this many files: the pool from POOL_FROM_FILES files on. */
export function parserFor(fileCount: number): { parse?: ParsePool['parse']; close(): Promise<void> } {
  if (fileCount < POOL_FROM_FILES) return { close: async () => {} };
  const pool = createParsePool();
  return { parse: pool.parse, close: pool.close };
}

export function createParsePool(size = defaultPoolSize()): ParsePool {
  const queue: Job[] = [];
  let nextId = 0;
  let failure: Error | null = null;
  const members: Member[] = Array.from({ length: size }, () => {
    const member: Member = { worker: new Worker(new URL('./parse-worker.mjs', import.meta.url)), ready: false, job: null };
    member.worker.on('message', (message: { ready: true } | { id: number; results: ImportResult[] }) => {
      if ('ready' in message) member.ready = true;
      else if (member.job?.id === message.id) member.job.resolve(message.results);
      member.job = null;
      dispatch();
    });
    member.worker.on('error', (error) => fail(error));
    member.worker.on('exit', (code) => code !== 0 && fail(new Error(`A parse worker stopped (exit code ${code}).`)));
    return member;
  });

  function fail(error: Error) {
    failure ??= error;
    for (const job of [...queue.splice(0), ...members.flatMap((member) => (member.job ? [member.job] : []))]) job.reject(failure);
  }

  function dispatch() {
    for (const member of members) {
      if (!member.ready || member.job || queue.length === 0) continue;
      member.job = queue.shift()!;
      member.worker.postMessage({ id: member.job.id, files: member.job.files });
    }
  }

  function run(files: WireFile[]): Promise<ImportResult[]> {
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      queue.push({ id: nextId++, files, resolve, reject });
      dispatch();
    });
  }

  return {
    async parse(files) {
      const jobs: Promise<ImportResult[]>[] = [];
      for (let start = 0; start < files.length; start += FILES_PER_JOB) jobs.push(run(files.slice(start, start + FILES_PER_JOB)));
      return (await Promise.all(jobs)).flat();
    },
    async close() {
      await Promise.all(members.map((member) => member.worker.terminate()));
    },
  };
}
