// Unit and integration tests (Vitest). Browser journeys live in e2e/ and run under Playwright.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Tests are server code: "server-only" resolves to its empty module, as under Next's react-server
      // condition (the condition itself would also swap React for its server build in component tests).
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**"],
    globalSetup: ["test/global-setup.ts"],
    // next-auth imports `next/server` without an extension, which only a bundler resolves.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
