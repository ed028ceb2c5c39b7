// Hostile uploads (issue 26): the worst hostile file's parse time in the pipeline, and a reader
// page's latency while 20 hostile files are uploaded to the running server through the upload
// action (parsed in its worker pool, each within its time budget).
import { readFileSync } from "node:fs";
import path from "node:path";
// @ts-expect-error Next's compiled copy of React's reply encoder ships without types
import { encodeReply } from "next/dist/compiled/react-server-dom-webpack/client.edge";
import { importWireText } from "@/lib/import";
import { MAX_FILE_BYTES } from "@/lib/import/decode";
import { HOSTILE_SHAPES, hostileFile } from "@/lib/import/hostile-shapes";

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

/** Every hostile shape at the upload limit (2 MB) through the pipeline in this thread. */
export function measureWorstHostileParse() {
  importWireText(new TextEncoder().encode("Hanoï (VNA) – Un texte.")); // the word lists load outside the timing
  const shapes = Object.keys(HOSTILE_SHAPES).map((shape) => {
    const bytes = hostileFile(shape, MAX_FILE_BYTES);
    const started = performance.now();
    importWireText(bytes, { fileName: "hostile.txt" });
    return { shape, kilobytes: Math.round(bytes.length / 1024), ms: Math.round(performance.now() - started) };
  });
  const worst = shapes.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { worst, shapes };
}

/** The upload action's id in a build, as the import page's form posts it. */
function uploadActionId(distDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "uploadImportFile");
  if (!found) throw new Error("uploadImportFile is not in the build's server-reference manifest");
  return found[0];
}

/** One upload the way the page sends it: the server action's arguments encoded by React's own encoder. */
async function upload(baseUrl: string, actionId: string, cookie: string, name: string, bytes: Uint8Array): Promise<string> {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "text/plain" }), name);
  const body = (await encodeReply([{ ok: false }, form])) as FormData;
  const response = await fetch(`${baseUrl}/admin/import`, {
    method: "POST",
    headers: { cookie, "next-action": actionId, accept: "text/x-component" },
    body,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`upload of ${name} answered ${response.status}`);
  if (/"ok":true/.test(text)) return "staged";
  if (/import\.tooSlow|took too long|trop de temps/.test(text)) return "refused (over budget)";
  // Any other refusal is named by its message, so the table says what happened.
  return `refused: ${/"message":"([^"]{0,120})/.exec(text)?.[1] ?? text.slice(0, 120)}`;
}

/**
 * A reader page fetched one request after another while 20 hostile files (the shapes in turn, at
 * 2 MB) are uploaded at once; its p95 against the same page alone just before.
 */
export async function measureReaderDuringHostileUploads(baseUrl: string, distDir: string, cookie: string, readerPath: string) {
  const actionId = uploadActionId(distDir);
  // A keep-alive connection the server closed as the next request left is retried, as browsers
  // do, and counted; the time includes the retry.
  let retried = 0;
  const timeReader = async () => {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(baseUrl + readerPath);
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`${readerPath} answered ${response.status}`);
        return performance.now() - started;
      } catch (error) {
        if (attempt === 3) throw error;
        retried++;
      }
    }
  };
  const alone: number[] = [];
  for (let i = 0; i < 50; i++) alone.push(await timeReader());

  const shapes = Object.keys(HOSTILE_SHAPES);
  // Made before the clock starts: building 40 MB of text here would block the reader loop below.
  const files = Array.from({ length: 20 }, (_, n) => hostileFile(shapes[n % shapes.length]!, MAX_FILE_BYTES, n + 1));
  const started = performance.now();
  let uploading = true;
  const uploads = Promise.all(files.map((bytes, n) => upload(baseUrl, actionId, cookie, `hostile-${n}.txt`, bytes))).finally(() => {
    uploading = false;
  });
  const during: number[] = [];
  while (uploading) during.push(await timeReader());
  const outcomes = await uploads;
  const tally: Record<string, number> = {};
  for (const outcome of outcomes) tally[outcome] = (tally[outcome] ?? 0) + 1;
  alone.sort((a, b) => a - b);
  during.sort((a, b) => a - b);
  return {
    readerPath,
    uploads: outcomes.length,
    uploadSeconds: Math.round((performance.now() - started) / 100) / 10,
    outcomes: tally,
    alone: { requests: alone.length, p50Ms: percentile(alone, 50), p95Ms: percentile(alone, 95) },
    retriedConnections: retried,
    during: { requests: during.length, p50Ms: percentile(during, 50), p95Ms: percentile(during, 95), maxMs: percentile(during, 100) },
  };
}
