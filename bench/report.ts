// Writes the short benchmark table of BENCHMARKS.md from one run's results, keeping the notes
// that follow the marker line.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { measureEditorInteractive } from "./desk-editor";

const NOTES_MARKER = "<!-- notes: kept across runs -->";

type Report = {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string };
  settings: { articles: number; seconds: number; connections: number };
  generation: { articlesPerSecond: number; seconds: number } | null;
  http: Record<
    string,
    { requestsPerSecond: number; p50Ms: number; p95Ms: number; p99Ms: number; ratioToNginx?: number; non2xx: number; errors: number }
  >;
  pageWeight: { htmlGzipBytes: number; jsGzipBytes: number; scripts: number };
  deskWeights?: { route: string; chunks: number; gzipBytes: number }[];
  deskRuntime?: { chunks: number; gzipBytes: number };
  editor?: Awaited<ReturnType<typeof measureEditorInteractive>> | { error: string };
  webhook?:
    | {
        publishes: number;
        delivered: number;
        missing: number;
        unsigned: number;
        fromCommit: { medianMs: number; maxMs: number } | null;
        fromAction: { medianMs: number; maxMs: number } | null;
      }
    | { error: string };
  serverMemoryMb: number;
  import: {
    dryRun: { filesPerSecond: number };
    intoDatabase: { articlesPerSecond: number };
    hostileParse?: { worst: { shape: string; kilobytes: number; ms: number } };
    hostileUploads?:
      | {
          readerPath: string;
          uploadSeconds: number;
          outcomes: Record<string, number>;
          alone: { p95Ms: number };
          during: { requests: number; p95Ms: number; maxMs: number };
        }
      | { error: string };
  };
  searchSql: { executionMs: number; indexUsed: boolean; p95Ms: number };
  translationMemory: { segments: number; p50Ms: number; p95Ms: number; indexUsed: boolean };
};

function hostileRows({ hostileParse, hostileUploads }: Report["import"]): string {
  const rows: string[] = [];
  if (hostileParse)
    rows.push(
      `| worst hostile file, parse time | ${hostileParse.worst.ms} ms (${hostileParse.worst.shape}, ${hostileParse.worst.kilobytes} KB) |`,
    );
  if (hostileUploads && "error" in hostileUploads)
    rows.push(`| reader p95 during 20 hostile uploads | not measured: ${hostileUploads.error} |`);
  else if (hostileUploads) {
    const outcomes = Object.entries(hostileUploads.outcomes)
      .map(([outcome, count]) => `${count} ${outcome}`)
      .join(", ");
    rows.push(
      `| reader p95 during 20 hostile uploads | ${hostileUploads.during.p95Ms} ms (max ${hostileUploads.during.maxMs} ms, ${hostileUploads.during.requests} requests to ${hostileUploads.readerPath}; ${hostileUploads.alone.p95Ms} ms alone); uploads took ${hostileUploads.uploadSeconds} s: ${outcomes} |`,
    );
  }
  return rows.join("\n");
}

/** The desk's JavaScript per route (issue 17): targets 250 KB for the editor, 100 KB for the rest. */
function deskWeightTable(weights: Report["deskWeights"], runtime: Report["deskRuntime"]): string {
  if (!weights?.length) return "";
  const floor = runtime
    ? `\nEvery route's total includes React and Next's own runtime: ${(runtime.gzipBytes / 1024).toFixed(1)} KB in ${runtime.chunks} files, loaded by every App Router page before its own code.\n`
    : "";
  const rows = weights.map(({ route, chunks, gzipBytes }) => {
    const target = route === "/admin/articles/[id]" ? 250 : 100;
    return `| ${route} | ${(gzipBytes / 1024).toFixed(1)} KB | ${chunks} | < ${target} KB${gzipBytes / 1024 < target ? "" : " (missed)"} |`;
  });
  return `\n| desk route (JavaScript on first load, gzipped) | size | files | target |\n|---|---|---|---|\n${rows.join("\n")}\n${floor}`;
}

function editorAndWebhookRows({ editor, webhook }: Report): string {
  const rows: string[] = [];
  if (editor && "error" in editor) rows.push(`| article editor takes typing | not measured: ${editor.error} |`);
  else if (editor)
    rows.push(
      `| article editor from the draft list (a draft's link clicked to its body editable; to a typed word shown) | median ${editor.fromList.editableMedianMs} ms; typed word shown median ${editor.fromList.typedMedianMs} ms, worst ${editor.fromList.typedMaxMs} ms over ${editor.fromList.opened} drafts |`,
      `| article editor in a new tab (navigation to typed text shown, editor signed in, cached scripts) | median ${editor.medianMs} ms, worst ${editor.maxMs} ms over ${editor.loads} loads (medians: first byte ${editor.firstByteMedianMs} ms, last byte ${editor.lastByteMedianMs} ms, DOMContentLoaded ${editor.domContentLoadedMedianMs} ms, body editable ${editor.editableMedianMs} ms) |`,
    );
  if (webhook && "error" in webhook) rows.push(`| webhook after a publish | not measured: ${webhook.error} |`);
  else if (webhook?.fromCommit && webhook.fromAction)
    rows.push(
      `| webhook after a publish (signed publication event at a loopback receiver) | from the publishing transaction: median ${webhook.fromCommit.medianMs} ms, worst ${webhook.fromCommit.maxMs} ms; from sending the action: median ${webhook.fromAction.medianMs} ms; ${webhook.delivered}/${webhook.publishes} delivered, ${webhook.unsigned} with a bad signature |`,
    );
  return rows.join("\n");
}

export function writeBenchmarksMarkdown(file: string, report: Report) {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const rows = Object.entries(report.http).map(
    ([name, r]) =>
      `| ${name} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.ratioToNginx ?? ""} | ${r.non2xx + r.errors} |`,
  );
  const notes =
    existsSync(file) && readFileSync(file, "utf8").includes(NOTES_MARKER) ? readFileSync(file, "utf8").split(NOTES_MARKER)[1]!.trim() : "";
  const text = `# Benchmarks

Last run: ${report.date.slice(0, 16).replace("T", " ")} UTC — \`npm run bench\` (see bench/README.md).
Machine: ${report.machine.cpus} × ${report.machine.cpuModel}, ${report.machine.memoryGb} GB, Node ${report.machine.node}.
Corpus: ${report.settings.articles.toLocaleString("en")} articles (fr + en versions, tags, revisions)${report.generation ? `, generated at ${report.generation.articlesPerSecond} articles/s` : " (reused)"}.
Load: wrk, ${report.settings.seconds} s per row, ${report.settings.connections} connections, on the same machine as the server.

| target | req/s | p50 ms | p95 ms | p99 ms | ratio to nginx | errors / non-2xx |
|---|---|---|---|---|---|---|
${rows.join("\n")}

| other measure | value |
|---|---|
| article page weight (gzipped) | HTML ${kb(report.pageWeight.htmlGzipBytes)}, JavaScript ${kb(report.pageWeight.jsGzipBytes)} in ${report.pageWeight.scripts} scripts |
| server memory after the run | ${report.serverMemoryMb} MB resident |
| import, dry run | ${report.import.dryRun.filesPerSecond} files/s |
| import into the database | ${report.import.intoDatabase.articlesPerSecond} articles/s |
${hostileRows(report.import)}
| full-text search in SQL | ${report.searchSql.executionMs} ms (EXPLAIN ANALYZE), p95 ${report.searchSql.p95Ms} ms, index used: ${report.searchSql.indexUsed ? "yes" : "NO"} |
| translation memory lookup | p50 ${report.translationMemory.p50Ms} ms, p95 ${report.translationMemory.p95Ms} ms over ${report.translationMemory.segments.toLocaleString("en")} segments, index used: ${report.translationMemory.indexUsed ? "yes" : "NO"} |
${editorAndWebhookRows(report)}
${deskWeightTable(report.deskWeights, report.deskRuntime)}
${NOTES_MARKER}

${notes || "## Findings\n\n(none yet)"}
`;
  writeFileSync(file, text);
}
