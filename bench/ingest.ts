// The ingest rows (issue 19): a loopback HTTP server serves an RSS feed of 500 items and each
// item's article page; one poll of an internal feed source takes them all into the review queue
// (page fetches, the import pipeline and the database included) and is timed as items/s; then the
// cost of an idle poll (the feed answers 304) in ms. On a throwaway embedded PostgreSQL with every
// migration; prints JSON, writes nothing tracked.
//   npx tsx --conditions=react-server bench/ingest.ts [--items 500] [--idle 50]
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { startDatabaseServer } from "@/scripts/lib/database/postgres";
import { loadVocabulary, pick, seededRandom } from "./corpus";

const { values } = parseArgs({
  options: {
    items: { type: "string", default: "500" },
    idle: { type: "string", default: "50" },
    seed: { type: "string", default: "19" },
  },
});

type Page = { id: number; title: string; paragraphs: string[] };

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[character]!);

/** Stories drawn from the sample wire copy's sentences (as the 100,000-article corpus), each distinct. */
function makePages(count: number, seed: number): Page[] {
  const rng = seededRandom(seed);
  const { fr, en } = loadVocabulary();
  return Array.from({ length: count }, (_, id) => {
    const vocabulary = id % 2 === 0 ? fr : en;
    const sentences = Array.from({ length: 8 }, () => pick(rng, vocabulary.sentences));
    // A number in every paragraph: two stories that drew the same sentences are still two stories.
    const paragraphs = [0, 2, 4, 6].map((start) => `${sentences[start]} ${sentences[start + 1]} (${id}-${start})`);
    return { id, title: `${pick(rng, vocabulary.titles).slice(0, 100)} (${id})`, paragraphs };
  });
}

function pageHtml(page: Page): string {
  return `<!doctype html><html><head><title>${escapeXml(page.title)}</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>${escapeXml(page.title)}</h1>${page.paragraphs.map((paragraph) => `<p>${escapeXml(paragraph)}</p>`).join("\n")}</article>
<footer>© Bench agency</footer></body></html>`;
}

function feedXml(base: string, pages: Page[]): string {
  const items = pages
    .map(
      (page) =>
        `<item><title>${escapeXml(page.title)}</title><link>${base}/articles/${page.id}</link><guid isPermaLink="false">bench-${page.id}</guid><description>${escapeXml(page.paragraphs[0]!)}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench wire</title><link>${base}/</link><description>Bench</description>\n${items}\n</channel></rss>`;
}

async function startServer(pages: Page[]) {
  const etag = `"${randomBytes(8).toString("hex")}"`;
  let feed = "";
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://bench");
    if (url.pathname === "/feed.xml") {
      if (request.headers["if-none-match"] === etag) return void response.writeHead(304).end();
      response.writeHead(200, { "content-type": "application/rss+xml", etag });
      return void response.end(feed);
    }
    const page = pages[Number(/^\/articles\/(\d+)$/.exec(url.pathname)?.[1] ?? -1)];
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(pageHtml(page));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  feed = feedXml(base, pages);
  // The poll's keep-alive sockets would hold close() (and the process) open until they time out.
  const close = () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections()));
  return { url: `${base}/feed.xml`, close };
}

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 100) / 100;
}

const count = Number(values.items);
const pages = makePages(count, Number(values.seed));
const feedServer = await startServer(pages);
const dataDir = mkdtempSync(path.join(tmpdir(), "cms-bench-ingest-"));
const database = await startDatabaseServer({ persistent: false, dataDir, database: `cms_ingest_${randomBytes(4).toString("hex")}` });
try {
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  const { db } = await import("@/lib/db");
  const { pollSource } = await import("@/lib/ingest/poll");
  const { parseInPool, serverParsePool } = await import("@/lib/import/parse-pool");
  const user = await db.user.create({
    data: { email: "bench-ingest@desk.test", name: "Bench ingest", role: "ADMIN", passwordHash: "unused" },
    select: { id: true },
  });
  const source = await db.ingestSource.create({
    data: {
      kind: "FEED",
      name: "Bench wire",
      url: feedServer.url,
      internal: true,
      createdById: user.id,
      nextPollAt: new Date("2999-01-01"),
    },
    select: { id: true },
  });
  // The server's worker pool is started before the clock, as a running server has it.
  await parseInPool({ name: "warm-up.html", bytes: new TextEncoder().encode(pageHtml(makePages(1, 1)[0]!)) });

  const started = performance.now();
  const outcome = await pollSource(source.id);
  const seconds = (performance.now() - started) / 1000;
  if (outcome.status !== "polled") throw new Error(`the poll did not go through: ${JSON.stringify(outcome)}`);
  const waiting = await db.importRecord.count({ where: { status: "PENDING_REVIEW" } });

  const idle: number[] = [];
  for (let poll = 0; poll < Number(values.idle); poll++) {
    const at = performance.now();
    const answer = await pollSource(source.id);
    idle.push(performance.now() - at);
    if (answer.status !== "notModified") throw new Error(`an idle poll brought something: ${JSON.stringify(answer)}`);
  }
  idle.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      items: count,
      outcome,
      inReviewQueue: waiting,
      seconds: Math.round(seconds * 100) / 100,
      itemsPerSecond: Math.round((outcome.inReview + outcome.drafted + outcome.duplicates) / seconds),
      idlePollMs: { polls: idle.length, p50: percentile(idle, 50), p95: percentile(idle, 95) },
    }),
  );
  // The server's parse pool lives as long as its process: here the bench ends, so it closes it.
  await serverParsePool().close();
  await db.$disconnect();
} finally {
  await feedServer.close();
  await database.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
