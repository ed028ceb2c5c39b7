// A worker thread of the parse pool (parse-pool.ts): runs the import pipeline on the files it is
// sent and posts the results back. Plain JavaScript that loads the TypeScript pipeline through tsx,
// so it starts the same under `tsx`, Vitest and plain Node.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { loadWordLists, parseFiles } = await tsImport("./parse-files.ts", import.meta.url);
loadWordLists();
parentPort.on("message", ({ id, files }) => parentPort.postMessage({ id, results: parseFiles(files) }));
parentPort.postMessage({ ready: true });
