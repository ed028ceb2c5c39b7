// The one function every write calls after changing what readers can see (publish, unpublish, edit
// of a published version, re-tagging, scheduling): it expires the change's cache tags (lib/cache/tags.ts)
// and refreshes the caching proxies. Public queries tag their cached results; nothing guesses paths.
import { after } from "next/server";
import { revalidateTag } from "next/cache";
import { publicContentTags, type PublicContentChange } from "./tags";

export function revalidatePublicContent(changed: PublicContentChange): void {
  // Expire at once rather than stale-while-revalidate: an unpublished article must not be served
  // even once more. With REDIS_URL set, Next hands this to lib/cache/redis-cache-handler.mjs, which
  // drops the entries for every app server at once.
  for (const tag of publicContentTags(changed)) revalidateTag(tag, { expire: 0 });
  // Caching proxies in front: replaced once the response (and with it the revalidation) is done.
  if (process.env.CACHE_PROXY_URLS) after(async () => void (await (await import("./proxy-refresh")).refreshCachingProxies(changed)));
}
