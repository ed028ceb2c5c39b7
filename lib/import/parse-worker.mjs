// A worker thread of the parse pool (parse-pool.ts): runs the import pipeline on each file it is
// sent and posts the result back. Plain JavaScript that loads the TypeScript pipeline through tsx,
// so it starts the same under `tsx`, Vitest, plain Node and the Next server.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { loadWordLists, parseFiles } = await tsImport("./parse-files.ts", import.meta.url);
loadWordLists();
parentPort.on("message", ({ file }) => parentPort.postMessage({ result: parseFiles([file])[0] }));
parentPort.postMessage({ ready: true });
