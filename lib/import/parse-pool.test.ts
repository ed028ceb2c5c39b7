// The worker pool gives the same results as the pipeline in this thread, in the files' order, and
// refuses a bad file alone.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseFiles } from "./parse-files";
import { createParsePool, FILES_IN_FLIGHT } from "./parse-pool";

const samplesDir = path.join(import.meta.dirname, "..", "..", "seed", "sample-articles");
const samples = readdirSync(samplesDir)
  .filter((name) => name.endsWith(".txt"))
  .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(samplesDir, name))) }));

const pool = createParsePool(2);
afterAll(() => pool.close());

describe("createParsePool", () => {
  it("parses in worker threads exactly as in this thread, in order", async () => {
    const files = [...samples, { name: "empty.txt", bytes: new Uint8Array() }, ...samples.slice().reverse(), ...samples];
    const results = await pool.parse(files);
    expect(results).toEqual(await parseFiles(files));
    expect(results[samples.length]).toEqual({ ok: false, refusal: { code: "import.refused.empty" } });
  }, 60_000);

  it("serves parallel calls", async () => {
    const [first, second] = await Promise.all([pool.parse(samples.slice(0, 2)), pool.parse(samples.slice(2))]);
    expect([...first, ...second].map((result) => (result.ok ? result.article.title : ""))).toEqual(
      (await parseFiles(samples)).map((result) => (result.ok ? result.article.title : "")),
    );
  }, 60_000);
});

describe("the time budget per file", () => {
  it("stops a file over budget, refuses it alone, and goes on with the others in a new worker", async () => {
    const workerFile = path.join(process.cwd(), "test", "fixtures", "spinning-parse-worker.mjs");
    const budgetPool = createParsePool(1, { budgetMs: 1_000, workerFile });
    try {
      // A worker that never finishes spin.txt: the budget must stop it whatever the machine's speed.
      const slow = { name: "spin.txt", bytes: new TextEncoder().encode("Hanoï (VNA) – Le ministre a reçu son homologue.") };
      const results = await budgetPool.parse([samples[0]!, slow, samples[1]!, samples[2]!]);
      expect(results[1]).toEqual({ ok: false, refusal: { code: "import.refused.tooSlow", params: { seconds: 1 } } });
      expect(results.filter((_, index) => index !== 1)).toEqual(await parseFiles([samples[0]!, samples[1]!, samples[2]!]));
      expect(await budgetPool.parse([samples[3]!])).toEqual(await parseFiles([samples[3]!]));
    } finally {
      await budgetPool.close();
    }
  }, 60_000);

  it("starts a file's budget when the worker starts it, not while it waits behind another", async () => {
    const workerFile = path.join(process.cwd(), "test", "fixtures", "spinning-parse-worker.mjs");
    const budgetPool = createParsePool(1, { budgetMs: 1_000, workerFile });
    try {
      // Each takes 600 ms; with FILES_IN_FLIGHT files sent at once, the second waits 600 ms in the
      // worker: timed from its sending it would pass the 1 s budget.
      const waiting = samples.slice(0, 3).map((sample) => ({ ...sample, name: "wait-600.txt" }));
      const results = await budgetPool.parse(waiting);
      expect(FILES_IN_FLIGHT).toBeGreaterThan(1);
      expect(results).toEqual(await parseFiles(waiting));
      // A file sent behind one that is stopped is parsed by the next worker, not lost or refused.
      const slow = { name: "spin.txt", bytes: samples[0]!.bytes };
      const [refused, after] = await budgetPool.parse([slow, samples[1]!]);
      expect(refused).toEqual({ ok: false, refusal: { code: "import.refused.tooSlow", params: { seconds: 1 } } });
      expect(after).toEqual((await parseFiles([samples[1]!]))[0]);
    } finally {
      await budgetPool.close();
    }
  }, 60_000);

  it("re-runs a review with the editor's undo list", async () => {
    const [untouched] = await parseFiles([samples[0]!]);
    if (!untouched?.ok) throw new Error("sample 0 does not parse");
    const undo = untouched.article.changes.slice(0, 1).map((change) => change.id);
    expect(undo).toHaveLength(1);
    const [reverted] = await pool.parse([{ ...samples[0]!, revertChanges: undo }]);
    expect(reverted).toEqual((await parseFiles([{ ...samples[0]!, revertChanges: undo }]))[0]);
    expect(reverted?.ok && reverted.article.changes.map((change) => change.id)).not.toContain(undo[0]);
  }, 60_000);
});
