// What every parse worker does (parse-worker.mjs, and the tests' stand-ins): load the pipeline,
// warm it, then parse the files it is sent one at a time, in order, saying when each one starts.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

/**
 * The pool keeps more than one file in a worker's queue, so the worker never waits for the calling
 * thread between two files; a file's time budget starts at its "started" message (`at`, on the
 * clock both threads share), not when it was queued. `beforeParse` lets a test worker stand in for
 * a slow input.
 */
export async function serveParseRequests(beforeParse = () => {}) {
  const { loadReadersFor, loadWordLists, parseFiles } = await tsImport("./parse-files.ts", import.meta.url);
  loadWordLists();
  // One short story in each language before saying ready, so the lazy parts of the pipeline
  // (language models, compiled code) are warm and a file's time budget measures the file alone.
  for (const text of [
    "Hanoï (VNA) – Le ministre a reçu son homologue à Hanoï.",
    "Hanoi (VNA) - The minister met his counterpart in Hanoi.",
  ])
    await parseFiles([{ name: "warm-up.txt", bytes: new TextEncoder().encode(text) }]);
  const waiting = [];
  let parsing = false;
  // A reader may await (a Word file is unzipped): the next file waits for the one before it.
  async function parseWaiting() {
    parsing = true;
    for (let file = waiting.shift(); file; file = waiting.shift()) {
      // A saved page, Word file or mail loads its reader's library first, outside its budget.
      await loadReadersFor(file).catch(() => {}); // a reader that cannot load is refused by the parse
      parentPort.postMessage({ started: performance.timeOrigin + performance.now() });
      beforeParse(file);
      parentPort.postMessage({ result: (await parseFiles([file]))[0] });
    }
    parsing = false;
  }
  parentPort.on("message", ({ file }) => {
    waiting.push(file);
    if (!parsing) void parseWaiting();
  });
  parentPort.postMessage({ ready: true });
}
