// `npm run bench`: the whole benchmark from a fresh clone. Generates (or reuses) the 100,000-article
// database, builds and starts the production server, loads it with wrk beside nginx serving the
// same article as a static file, measures import, translation memory, SQL search, page weight and
// memory, and writes bench/results/<date>.json and the table in BENCHMARKS.md.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { freePort } from "@/scripts/lib/free-port";
import { runNext, startNext, waitForHealthy } from "../scripts/lib/next-server";
import { measure, type LoadResult } from "./http-load";
import {
  measureImportDryRun,
  measureImportIntoDatabase,
  measurePageWeight,
  measureSearchSql,
  measureTranslationMemory,
  residentMemoryMb,
} from "./measurements";
import { measureReaderDuringHostileUploads, measureWorstHostileParse } from "./hostile-imports";
import { startCachingNginx, startStaticNginx } from "./nginx";
import { benchApiKey, measureWebhookDelivery } from "./content-api";
import { measureEditorInteractive } from "./desk-editor";
import { measureDeskWeights } from "./desk-weight";
import { BENCH_CORPUS, prepareBenchDatabase } from "./generate";
import { writeBenchmarksMarkdown } from "./report";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: String(BENCH_CORPUS.count) },
    seed: { type: "string", default: String(BENCH_CORPUS.seed) },
    fresh: { type: "boolean", default: false },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
    // Only the reader-during-hostile-uploads measure, printed, no report written: for working on it.
    "hostile-only": { type: "boolean", default: false },
    "editor-only": { type: "boolean", default: false },
    // Only the HTTP rows whose names match this pattern (e.g. "^API"), printed, no report written: for working on them.
    rows: { type: "string" },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const root = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "cms-bench-"));
chmodSync(work, 0o755); // nginx's workers run as an unprivileged user and must read the static copy

/** The reader and admin URLs under test. */
const routes = {
  article: (slug: string) => `/fr/article/${slug}`,
  home: "/fr",
  tag: (slug: string) => `/fr/tag/${slug}`,
  search: "/fr/recherche?q=diplomatie+economique",
  feed: "/fr/feed.xml",
  floor: "/robots.txt",
  adminList: (page: number) => `/admin/articles?status=PUBLISHED&language=fr&page=${page}`,
  // What the desk opens on: every story, no filter.
  adminListDefault: "/admin/articles",
  apiList: "/api/v1/articles?lang=fr",
  apiArticle: (articleId: string) => `/api/v1/articles/${articleId}?lang=fr`,
};

async function main() {
  const { server, generation } = await prepareBenchDatabase({
    count: Number(values.count),
    seed: Number(values.seed),
    fresh: values.fresh,
  });
  process.env.DATABASE_URL = server.url;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();

  const article = (
    await client.query(
      `SELECT slug FROM article_versions WHERE language = 'fr' AND status = 'PUBLISHED' ORDER BY published_at DESC LIMIT 1`,
    )
  ).rows[0];
  const uncachedSlugs = (
    await client.query(`SELECT slug FROM article_versions WHERE language = 'fr' AND status = 'PUBLISHED' ORDER BY id LIMIT 60000`)
  ).rows.map((row) => routes.article(row.slug));
  const apiArticlePaths = (
    await client.query(
      `SELECT article_id FROM article_versions WHERE language = 'fr' AND status = 'PUBLISHED' ORDER BY id DESC LIMIT 60000`,
    )
  ).rows.map((row) => routes.apiArticle(row.article_id));
  // Drafts the editor opens (the first load only fills the browser's cache).
  const editorDrafts = (
    await client.query(`SELECT id FROM article_versions WHERE language = 'fr' AND status = 'DRAFT' ORDER BY id DESC LIMIT 8`)
  ).rows.map((row) => String(row.id));
  // The filtered list's last full page: a fixed "page 2000" lay past the end (1,704 pages at 100,000
  // articles) and measured an empty list.
  const filteredVersions = Number(
    (await client.query(`SELECT count(*) FROM article_versions WHERE language = 'fr' AND status = 'PUBLISHED'`)).rows[0].count,
  );
  const deepPage = Math.max(1, Math.floor(filteredVersions / 50));
  const tag = (await client.query(`SELECT l.slug FROM tag_labels l WHERE l.language = 'fr' AND l.tag_id = 'bench-tag-0'`)).rows[0];

  const authSecret = randomBytes(32).toString("hex");
  const distDir = ".next-bench";
  const env = {
    ...process.env,
    DATABASE_URL: server.url,
    AUTH_SECRET: authSecret,
    // Every API request still counts in the shared window (one upsert); the limit itself would turn the load rows into 429s.
    API_RATE_LIMIT: "1000000000",
    NODE_ENV: "production" as const,
    NEXT_DIST_DIR: distDir,
  };
  if (!values["skip-build"]) {
    console.log("Building the production server…");
    await runNext(["build"], env);
  }
  const port = await freePort();
  const app = startNext(port, env);
  const baseUrl = `http://127.0.0.1:${port}`;
  const results: Record<string, LoadResult & { ratioToNginx?: number }> = {};
  try {
    await waitForHealthy(baseUrl, 120_000);
    if (values["hostile-only"]) {
      const { cookie } = await benchSession(client, authSecret, BENCH_ADMIN);
      console.log(
        JSON.stringify(await measureReaderDuringHostileUploads(baseUrl, path.join(root, distDir), cookie, routes.search), null, 2),
      );
      return;
    }
    if (values["editor-only"]) {
      const editorSession = await benchSession(client, authSecret, BENCH_EDITOR);
      console.log(JSON.stringify(await measureEditorInteractive(baseUrl, editorSession.cookie, editorDrafts), null, 2));
      return;
    }
    const weight = await measurePageWeight(baseUrl, routes.article(article.slug));
    const nginx = await startStaticNginx(work, weight.html, await freePort());
    // The caching-proxy row is a comparison, not the benchmark: a failure to start it is reported, not fatal.
    const cachingNginx = await startCachingNginx(work, `127.0.0.1:${port}`, await freePort(), routes.article(article.slug)).catch(
      (error: Error) => {
        console.error(`Skipping the caching-proxy row: ${error.message}`);
        return null;
      },
    );
    const { cookie, userId: adminId } = await benchSession(client, authSecret, BENCH_ADMIN);
    const apiKey = { authorization: `Bearer ${await benchApiKey(adminId)}` };

    const targets: [string, string, Parameters<typeof measure>[1]?][] = [
      ["nginx static article", nginx.url],
      ...(cachingNginx ? ([["nginx cache in front of the app (article)", cachingNginx.url]] as [string, string][]) : []),
      // What Next itself costs per request on this machine (proxy, routing, a response): the ceiling of any page.
      ["app floor: robots.txt (no database, no render)", baseUrl + routes.floor],
      ["article (cached)", baseUrl + routes.article(article.slug)],
      ["article (uncached)", baseUrl, { seconds, connections, paths: uncachedSlugs }],
      // The render alone, without 50 requests queueing for two cores.
      ["article (uncached, 1 connection)", baseUrl, { seconds, connections: 1, paths: uncachedSlugs.slice(30000) }],
      ["home (cached)", baseUrl + routes.home],
      ["tag page", baseUrl + routes.tag(tag.slug)],
      ["search", baseUrl + routes.search],
      ["search (1 connection)", baseUrl + routes.search, { seconds, connections: 1 }],
      ["RSS feed", baseUrl + routes.feed],
      ["admin list page 1", baseUrl + routes.adminList(1), { seconds, connections, headers: { cookie } }],
      ["admin list page 1 (1 connection)", baseUrl + routes.adminList(1), { seconds, connections: 1, headers: { cookie } }],
      ["admin list, no filter, page 1", baseUrl + routes.adminListDefault, { seconds, connections, headers: { cookie } }],
      ["admin list, no filter, page 1 (1 connection)", baseUrl + routes.adminListDefault, { seconds, connections: 1, headers: { cookie } }],
      [`admin list last page, ${deepPage} (filtered)`, baseUrl + routes.adminList(deepPage), { seconds, connections, headers: { cookie } }],
      // A desk has a handful of editors, not fifty at once: the page's own latency, without a queue.
      [
        `admin list last page, ${deepPage} (filtered, 1 connection)`,
        baseUrl + routes.adminList(deepPage),
        { seconds, connections: 1, headers: { cookie } },
      ],
      // The content API with a key made for the run (issue 20): the newest page, and one article
      // (a different one each request, so most are not in the data cache yet).
      ["API list page 1", baseUrl + routes.apiList, { seconds, connections, headers: apiKey }],
      ["API list page 1 (1 connection)", baseUrl + routes.apiList, { seconds, connections: 1, headers: apiKey }],
      ["API article", baseUrl, { seconds, connections, headers: apiKey, paths: apiArticlePaths }],
      ["API article (1 connection)", baseUrl, { seconds, connections: 1, headers: apiKey, paths: apiArticlePaths.slice(30000) }],
    ];
    const onlyRows = values.rows === undefined ? null : new RegExp(values.rows);
    for (const [name, url, options] of targets) {
      if (onlyRows && !onlyRows.test(name)) continue;
      // One warm-up request fills the cache the cached rows are about.
      await fetch(url, { headers: options?.headers }).catch(() => undefined);
      console.log(`wrk ${seconds}s × ${options?.connections ?? connections} connections: ${name}`);
      results[name] = await measure(url, options ?? { seconds, connections });
    }
    nginx.process.kill();
    cachingNginx?.process.kill();
    if (onlyRows) {
      console.log(JSON.stringify(results, null, 2));
      return;
    }
    const limit = results["nginx static article"]!.requestsPerSecond;
    for (const result of Object.values(results)) result.ratioToNginx = Math.round((result.requestsPerSecond / limit) * 1000) / 1000;

    // After the load rows, so the 20 hostile uploads' records and refusals do not touch them.
    console.log("Reader search while 20 hostile files (2 MB each) are uploaded…");
    const hostileUploads = await measureReaderDuringHostileUploads(baseUrl, path.join(root, distDir), cookie, routes.search).catch(
      (error: Error) => ({ error: error.message }),
    );
    console.log("Editor interactive in Chromium, signed in as an editor…");
    const editorSession = await benchSession(client, authSecret, BENCH_EDITOR);
    const editor = await measureEditorInteractive(baseUrl, editorSession.cookie, editorDrafts).catch((error: Error) => ({
      error: error.message,
    }));
    console.log("Webhook delivery after a publish…");
    const webhook = await measureWebhookDelivery(baseUrl, path.join(root, distDir), cookie, client, adminId).catch((error: Error) => ({
      error: error.message,
    }));
    const deskWeights = measureDeskWeights(path.join(root, distDir));
    const memoryMb = residentMemoryMb(app.pid!);
    // The rows below need no server: it is stopped first, so its background work (caches, jobs,
    // the collection of a 2 GB heap) does not share the two cores with the import being measured.
    await stopProcess(app);
    const hostileParse = measureWorstHostileParse();
    const importDry = await measureImportDryRun();
    const importDb = await measureImportIntoDatabase();
    const search = await measureSearchSql(client);
    const memory = await measureTranslationMemory(client);
    const report = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "unknown",
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      settings: { articles: Number(values.count), seed: Number(values.seed), seconds, connections },
      generation,
      http: results,
      pageWeight: {
        htmlBytes: weight.htmlBytes,
        htmlGzipBytes: weight.htmlGzipBytes,
        scripts: weight.scripts,
        jsBytes: weight.jsBytes,
        jsGzipBytes: weight.jsGzipBytes,
      },
      deskWeights: deskWeights.routes,
      deskRuntime: deskWeights.runtime,
      editor,
      webhook,
      serverMemoryMb: memoryMb,
      import: { dryRun: importDry, intoDatabase: importDb, hostileParse, hostileUploads },
      searchSql: search,
      translationMemory: memory,
    };
    mkdirSync(path.join(root, "bench", "results"), { recursive: true });
    // Date and time: a second run the same day adds a file rather than rewriting a committed one.
    const file = path.join(root, "bench", "results", `${report.date.slice(0, 16).replace(":", "")}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    writeBenchmarksMarkdown(path.join(root, "BENCHMARKS.md"), report);
    console.log(`\nResults: ${path.relative(root, file)} and BENCHMARKS.md`);
  } finally {
    app.kill("SIGTERM");
    await client.end();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

async function stopProcess(child: ReturnType<typeof startNext>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

const BENCH_ADMIN = { email: "bench-admin@desk.local", name: "Bench Admin", role: "ADMIN" } as const;
// The corpus' own author (generate.ts), so the editor opens drafts that are theirs.
const BENCH_EDITOR = { email: "bench-editor@desk.local", name: "Bench Editor", role: "EDITOR" } as const;

/** A signed session cookie for a benchmark user, as next-auth would set after sign-in. */
async function benchSession(
  client: pg.Client,
  secret: string,
  { email, name, role }: { email: string; name: string; role: "ADMIN" | "EDITOR" },
): Promise<{ cookie: string; userId: string }> {
  const { createUser } = await import("@/lib/users/service");
  const existing = (await client.query("SELECT id, session_version FROM users WHERE email = $1", [email])).rows[0];
  const user = existing ?? {
    id: (await createUser({ email, name, role, password: randomBytes(12).toString("hex") }, null)).id,
    session_version: 1,
  };
  // Sessions live in the database (user_sessions): the token names one, as a sign-in would.
  const { createSession } = await import("@/lib/auth/sessions");
  const sid = await createSession(user.id, { userAgent: "bench", ip: "127.0.0.1" });
  const salt = "authjs.session-token";
  const token = await encode({
    secret,
    salt,
    token: { sub: user.id, email, name, role, sessionVersion: user.session_version, sid },
  });
  return { cookie: `${salt}=${token}`, userId: user.id };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
