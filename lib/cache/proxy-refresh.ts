// Replaces a change's reader pages in the caching proxies in front of the app (deploy/nginx.conf):
// nginx open source cannot purge by tag, so the app asks each proxy for the page URLs with the refresh
// token, which makes nginx fetch them fresh and store them in place of the old copies. Only with the
// shared cache (REDIS_URL): then every app server already answers with the new page. Called by the
// public-change consumer (lib/public-change/consumer.ts) only.
import "server-only";
import { db } from "@/lib/db";
import type { PublicChangeInput } from "@/lib/public-change/change";

export function proxyRefreshConfigured(): boolean {
  return Boolean(process.env.CACHE_PROXY_URLS && process.env.CACHE_REFRESH_TOKEN && process.env.REDIS_URL);
}

/** The reader URLs a change can alter: its stories' pages (any state: an unpublished one must go), listings, feeds, tags, sitemaps. */
export async function publicPathsFor(change: PublicChangeInput): Promise<string[]> {
  const [versions, labels] = await Promise.all([
    db.articleVersion.findMany({ where: { articleId: { in: change.articleIds ?? [] } }, select: { language: true, slug: true } }),
    db.tagLabel.findMany({ where: { tagId: { in: change.tagIds ?? [] } }, select: { language: true, slug: true } }),
  ]);
  const languages = new Set([...(change.languages ?? []), ...versions.map((version) => version.language)]);
  const paths = ["/sitemap.xml", "/news-sitemap.xml"];
  for (const language of languages) paths.push(`/${language}`, `/${language}/feed.xml`, `/${language}/atom.xml`);
  for (const version of versions) paths.push(`/${version.language}/article/${encodeURIComponent(version.slug)}`);
  for (const label of labels) paths.push(`/${label.language}/tag/${encodeURIComponent(label.slug)}`);
  return [...new Set(paths)];
}

/** Refreshes every path on every proxy; returns how many answered; throws when any failed (the consumer tries again). */
export async function refreshCachingProxies(change: PublicChangeInput): Promise<number> {
  if (!proxyRefreshConfigured()) return 0;
  const proxies = process.env
    .CACHE_PROXY_URLS!.split(",")
    .map((url) => url.trim())
    .filter(Boolean);
  const paths = await publicPathsFor(change);
  const results = await Promise.allSettled(
    proxies.flatMap((proxy) =>
      paths.map(async (path) => {
        const response = await fetch(new URL(path, proxy), {
          headers: { "x-cache-refresh": process.env.CACHE_REFRESH_TOKEN! },
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer();
        // A 404 is a fresh answer too (an unpublished story's page must go); a 5xx is not.
        if (response.status >= 500) throw new Error(`${proxy} answered ${response.status} for ${path}`);
        return response.status;
      }),
    ),
  );
  const failed = results.filter((result) => result.status === "rejected").length;
  // Until a retry succeeds the pages still expire within their s-maxage.
  if (failed) throw new Error(`cache proxy: ${failed} of ${results.length} refreshes failed`);
  return results.length;
}
