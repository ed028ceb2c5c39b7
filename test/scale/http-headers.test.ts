// The caching headers rules for a proxy or CDN: reader pages public for a minute with stale-while-
// revalidate and surrogate keys, the desk and sign-in never stored.
import { describe, expect, it } from "vitest";
import { cacheHeaderRules, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "@/lib/cache/http-headers";

const header = (source: string, key: string) =>
  cacheHeaderRules()
    .find((rule) => rule.source === source)
    ?.headers.find((item) => item.key === key)?.value;

describe("cacheHeaderRules", () => {
  it("lets shared caches keep reader pages a minute and lists their keys", () => {
    expect(header("/:locale(fr|en)", "Cache-Control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(PUBLIC_CACHE_CONTROL).toBe("public, s-maxage=60, stale-while-revalidate=300");
    expect(header("/:locale(fr|en)/article/:slug", "Surrogate-Key")).toBe("public listing::locale path:/:locale/article/:slug");
    expect(header("/:locale(fr|en)/article/:slug", "Cache-Tag")).toBe("public,listing::locale,path:/:locale/article/:slug");
  });

  it("never lets a draft preview be indexed", () => {
    expect(header("/preview/:path*", "X-Robots-Tag")).toBe("noindex, nofollow");
  });

  it("never lets the desk, the sign-in page or a preview be stored", () => {
    for (const source of ["/admin", "/admin/:path*", "/login", "/preview/:path*"])
      expect(header(source, "Cache-Control"), source).toBe(PRIVATE_CACHE_CONTROL);
  });
});
