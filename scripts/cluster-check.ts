// `npm run cluster:check`, against a running `npm run demo:cluster` (addresses from .data/cluster.json):
// publishes through app server 1 and reads through app server 2 and through nginx (the new story must
// show at once on both), checks the caching headers, and schedules a publication a few seconds ahead,
// which must go out exactly once (one audit row) whatever the number of servers. Exit 1 on any failure.
import { readFileSync } from "node:fs";
import path from "node:path";

type Cluster = { proxy: string; servers: string[]; databaseUrl: string };
const cluster = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "..", ".data", "cluster.json"), "utf8")) as Cluster;
process.env.DATABASE_URL = cluster.databaseUrl;
process.env.AUTH_SECRET ??= (await import("./lib/auth-secret")).ensureAuthSecret();

const { db } = await import("@/lib/db");
const { makeArticle, makeUser, uniqueWord } = await import("@/test/fixtures/workflow");
const { scheduleVersion, transitionVersion } = await import("@/lib/workflow/service");
const { requestRevalidation } = await import("@/lib/public-change/this-server");

const [serverA, serverB] = cluster.servers as [string, string];
let failures = 0;
function check(ok: boolean, what: string) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}
const page = async (url: string) => {
  const response = await fetch(url, { redirect: "manual" });
  return { status: response.status, headers: response.headers, body: await response.text() };
};
async function eventually(test: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await test()) return true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return test();
}

// 1. Fill every cache with the home page, then publish a story through server A.
for (const origin of [serverA, serverB, cluster.proxy]) await page(`${origin}/fr`);
const title = `Cluster check ${uniqueWord()}`;
const story = await makeArticle([{ language: "fr", status: "APPROVED", title }]);
const publisher = await makeUser("EDITOR");
const published = await transitionVersion(publisher, {
  versionId: story.version("fr").id,
  version: story.version("fr").version,
  transition: "publish",
});
// What a publish through server A does once committed (lib/public-change/after-commit.ts): A drops the
// pages (in the shared Redis cache, so for B too) and drains the outbox, which refreshes nginx's copies.
await requestRevalidation(published.publicChange!, serverA);
check((await page(`${serverB}/fr`)).body.includes(title), "published through server 1, seen at once on server 2 (shared Redis cache)");
check(
  await eventually(async () => (await page(`${cluster.proxy}/fr`)).body.includes(title), 5),
  "seen through nginx within seconds (the app refreshed the proxy's copy)",
);

// 2. Caching headers through nginx.
const slug = (await db.articleVersion.findUniqueOrThrow({ where: { id: story.version("fr").id }, select: { slug: true } })).slug;
const first = await page(`${cluster.proxy}/fr/article/${slug}`);
const second = await page(`${cluster.proxy}/fr/article/${slug}`);
check(
  first.headers.get("cache-control") === "public, s-maxage=60, stale-while-revalidate=300",
  `reader page Cache-Control: ${first.headers.get("cache-control")}`,
);
check(
  Boolean(first.headers.get("surrogate-key")?.includes(`path:/fr/article/${slug}`)),
  `Surrogate-Key: ${first.headers.get("surrogate-key")}`,
);
check(
  second.headers.get("x-cache-status") === "HIT",
  `second read served by nginx's cache (X-Cache-Status ${second.headers.get("x-cache-status")})`,
);
const login = await page(`${cluster.proxy}/login`);
check(
  login.headers.get("cache-control") === "private, no-store" && login.headers.get("x-cache-status") === null,
  `sign-in page never cached (${login.headers.get("cache-control")})`,
);

// 3. A scheduled publication goes out once, and shows on every server and through nginx.
const editor = await makeUser("EDITOR");
const scheduledTitle = `Cluster scheduled ${uniqueWord()}`;
const scheduled = await makeArticle([{ language: "fr", status: "APPROVED", title: scheduledTitle }]);
const target = scheduled.version("fr");
const dueAt = new Date(Date.now() + 5000);
await scheduleVersion(editor, { versionId: target.id, version: target.version, scheduledAt: dueAt });
console.log(`     scheduled for ${dueAt.toISOString()}; waiting for the job (at most 75 s)…`);
const promoted = await eventually(
  async () => (await db.articleVersion.findUniqueOrThrow({ where: { id: target.id }, select: { status: true } })).status === "PUBLISHED",
  75,
);
check(
  promoted,
  `scheduled version published ${promoted ? `(${Math.round((Date.now() - dueAt.getTime()) / 1000)} s after its time)` : "— NOT within 75 s"}`,
);
const audits = await db.auditLog.count({ where: { entityId: target.id, action: "workflow.scheduledPublish" } });
check(audits === 1, `exactly one audit row workflow.scheduledPublish (found ${audits})`);
for (const origin of [...cluster.servers, cluster.proxy]) {
  check(await eventually(async () => (await page(`${origin}/fr`)).body.includes(scheduledTitle), 10), `scheduled story on ${origin}/fr`);
}

await db.$disconnect();
console.log(failures ? `\n${failures} check(s) failed` : "\nAll cluster checks passed");
process.exit(failures ? 1 : 0);
