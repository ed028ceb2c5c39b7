// Browser journeys in Debian's Chromium against the production build that scripts/run-tests.ts
// starts (BASE_URL). One stored sign-in per role, made by e2e/auth.setup.ts.
import { defineConfig, devices } from "@playwright/test";
import { JOURNEY_CHROMIUM_LAUNCH } from "./scripts/lib/chromium";
import { stackCount, takeCurrentStack } from "./e2e/stacks";

// Each worker loads this file: it takes its own stack's app and database (e2e/stacks.ts).
takeCurrentStack();
const baseURL = process.env.BASE_URL ?? "http://localhost:3000";
// Specs that hash every table before and after a step: another journey's writes would show as theirs.
// scripts/run-tests.ts runs them in a pass of their own, after the others.
const WHOLE_DATABASE = /(security-authz|open-writes-nothing)\.spec\.ts/;

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.PLAYWRIGHT_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  // One journey per stack at a time: each worker has its own app and database (scripts/run-tests.ts
  // starts them), since journeys that shared one saw each other's writes (a test taking "the oldest
  // draft", counts of security events). The whole-database specs run alone in a pass of their own.
  workers: stackCount(),
  retries: 0,
  timeout: 60_000,
  // A first render after a cold build can take a few seconds on a loaded 2-core machine.
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON ? [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: JOURNEY_CHROMIUM_LAUNCH,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "journeys", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: [/auth\.setup\.ts/, WHOLE_DATABASE] },
    { name: "whole-database", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testMatch: WHOLE_DATABASE, workers: 1 },
  ],
});
