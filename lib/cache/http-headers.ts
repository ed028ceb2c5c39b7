// HTTP caching of the site for a caching proxy or CDN in front of the app servers (next.config.ts
// `headers()`): reader pages and feeds may be kept a minute by shared caches and served stale while
// refreshed; the desk and sign-in never. Surrogate keys let a CDN purge by name (deploy/README.md).
import { cacheTags } from "./tags";

export const PUBLIC_CACHE_CONTROL = "public, s-maxage=60, stale-while-revalidate=300";
export const PRIVATE_CACHE_CONTROL = "private, no-store";

const LOCALE = ":locale(fr|en)";

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/** Fastly reads Surrogate-Key, Cloudflare Cache-Tag (comma-separated); both list the same keys. */
function surrogateKeys(keys: string[]): { key: string; value: string }[] {
  return [
    { key: "Surrogate-Key", value: keys.join(" ") },
    { key: "Cache-Tag", value: keys.join(",") },
  ];
}

const publicPage = (source: string, keys: string[]): HeaderRule => ({
  source,
  headers: [{ key: "Cache-Control", value: PUBLIC_CACHE_CONTROL }, ...surrogateKeys([cacheTags.all, ...keys])],
});

/** Later rules override earlier ones for the same header, so the general rule comes first. */
export function cacheHeaderRules(): HeaderRule[] {
  const listing = cacheTags.listing(":locale");
  return [
    publicPage(`/${LOCALE}/:path*`, [listing]),
    publicPage(`/${LOCALE}`, [listing]),
    // A page's own key is its path: an article's id is only known once its data is read.
    publicPage(`/${LOCALE}/article/:slug`, [listing, "path:/:locale/article/:slug"]),
    publicPage(`/${LOCALE}/tag/:slug`, [listing, "path:/:locale/tag/:slug"]),
    publicPage("/:file(sitemap.xml|news-sitemap.xml|robots.txt)", []),
    { source: "/admin/:path*", headers: [{ key: "Cache-Control", value: PRIVATE_CACHE_CONTROL }] },
    { source: "/admin", headers: [{ key: "Cache-Control", value: PRIVATE_CACHE_CONTROL }] },
    { source: "/login", headers: [{ key: "Cache-Control", value: PRIVATE_CACHE_CONTROL }] },
    // Draft previews (lib/preview): never stored, never indexed.
    {
      source: "/preview/:path*",
      headers: [
        { key: "Cache-Control", value: PRIVATE_CACHE_CONTROL },
        { key: "X-Robots-Tag", value: "noindex, nofollow" },
      ],
    },
  ];
}
