// A worker thread of the parse pool (parse-pool.ts): runs the import pipeline on each file it is
// sent and posts the result back. Plain JavaScript that loads the TypeScript pipeline through tsx,
// so it starts the same under `tsx`, Vitest, plain Node and the Next server.
import { parentPort } from "node:worker_threads";
import { tsImport } from "tsx/esm/api";

const { loadWordLists, parseFiles } = await tsImport("./parse-files.ts", import.meta.url);
loadWordLists();
// One short story in each language before saying ready, so the lazy parts of the pipeline (language
// models, compiled code) are warm and a file's time budget measures the file alone.
for (const text of ["Hanoï (VNA) – Le ministre a reçu son homologue à Hanoï.", "Hanoi (VNA) - The minister met his counterpart in Hanoi."])
  await parseFiles([{ name: "warm-up.txt", bytes: new TextEncoder().encode(text) }]);
parentPort.on("message", async ({ file }) => parentPort.postMessage({ result: (await parseFiles([file]))[0] }));
parentPort.postMessage({ ready: true });
