// A worker thread of the parse pool (parse-pool.ts): runs the import pipeline on each file it is
// sent and posts the result back. Plain JavaScript that loads the TypeScript pipeline through tsx,
// so it starts the same under `tsx`, Vitest, plain Node and the Next server.
import { serveParseRequests } from "./parse-worker-serve.mjs";

await serveParseRequests();
