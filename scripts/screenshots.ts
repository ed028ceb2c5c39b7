// `npm run screenshots`: the README's pictures, made from the running product so they stay true. A
// throwaway PostgreSQL with the demo data (never .data/), a production build in its own folder,
// Debian's Chromium as in the browser tests; writes docs/screenshots/*.png and nothing else.
import { mkdirSync, mkdtempSync, chmodSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "@/scripts/lib/chromium";
import { applyMigrations } from "@/scripts/lib/database/migrations";
import { startDatabaseServer } from "@/scripts/lib/database/postgres";
import { freePort } from "@/scripts/lib/free-port";
import { runNext, startNext, waitForHealthy } from "./lib/next-server";
import { DEMO_USERS } from "../seed/demo-users";

const root = path.resolve(import.meta.dirname, "..");
const SCREENSHOT_DIR = path.join(root, "docs", "screenshots");
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
// The files the import review shows: two uploaded together, so the review says "1 of 2".
const REVIEW_FILES = ["fr-header-dateline-same-line.txt", "en-wvr-repeated-body.txt"].map((name) =>
  path.join(root, "lib", "import", "fixtures", name),
);

async function signedIn(browser: Browser, baseURL: string, role: "EDITOR" | "TRANSLATOR"): Promise<Page> {
  const user = DEMO_USERS.find((demo) => demo.role === role)!;
  // English and light mode, so every picture reads the same whatever the machine's settings.
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, locale: "en-GB", colorScheme: "light", reducedMotion: "reduce" });
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL }]);
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/e-mail|email/i).fill(user.email);
  await page.getByLabel(/mot de passe|password/i).fill(user.password);
  await page.getByRole("button", { name: /se connecter|sign in/i }).click();
  await page.waitForURL(/\/admin$/);
  return page;
}

async function shoot(page: Page, name: string, viewport = DESKTOP) {
  await page.setViewportSize(viewport);
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
  // Nothing focused or hovered: no tooltip or focus ring that depends on where the last click was.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), animations: "disabled", caret: "hide" });
  console.log(`  docs/screenshots/${name}.png`);
}

/** Uploads the review files through the import page, as an editor does; returns the first review's path. */
async function uploadForReview(page: Page): Promise<string> {
  await page.goto("/admin/import");
  await page.getByLabel(/wire files/i).setInputFiles(REVIEW_FILES);
  const rows = page.getByTestId("import-rows").getByRole("listitem");
  await rows
    .filter({ hasText: /ready for review/i })
    .nth(REVIEW_FILES.length - 1)
    .waitFor();
  const link = rows.filter({ hasText: path.basename(REVIEW_FILES[0]!) }).getByRole("link", { name: /^review$/i });
  return (await link.getAttribute("href"))!;
}

async function takeAll(baseURL: string) {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const editor = await signedIn(browser, baseURL, "EDITOR");
    await editor.goto("/admin/articles");
    await shoot(editor, "article-list");
    // The demo's article in review (with the editor's comment): the editor's page and its document panel.
    const inReview = editor
      .getByTestId("article-list")
      .getByRole("link", { name: /^Economic diplomacy in 2023/ })
      .first();
    await editor.goto((await inReview.getAttribute("href"))!);
    await editor.locator("#article-body").waitFor();
    await shoot(editor, "article-editor");
    await shoot(editor, "article-editor-phone", PHONE);

    const review = await uploadForReview(editor);
    await editor.setViewportSize(DESKTOP);
    await editor.goto(review);
    await editor.getByTestId("cleaned-article").waitFor();
    // Walk to the second change, as a reviewer does, so both texts show it outlined.
    await editor.locator("body").click({ position: { x: 1, y: 1 } });
    await editor.keyboard.press("j");
    await editor.keyboard.press("j");
    await editor.getByTestId("change-announcer").filter({ hasText: /2 of/ }).waitFor();
    await shoot(editor, "import-review");

    const translator = await signedIn(browser, baseURL, "TRANSLATOR");
    await translator.goto("/admin/translations");
    // The translation the demo's translator is still writing: source and translation side by side.
    const inProgress = translator
      .getByTestId("queue-row")
      .filter({ has: translator.getByTestId("queue-state").filter({ hasText: /in progress/i }) });
    const href = await inProgress.first().getByRole("link").first().getAttribute("href");
    if (!href) throw new Error("The demo has no translation in progress for the translator to open.");
    await translator.goto(href);
    await shoot(translator, "translation-editor");

    // The reader site, as a reader sees it (no session).
    const reader = await (await browser.newContext({ baseURL, viewport: DESKTOP, locale: "en-GB", colorScheme: "light" })).newPage();
    await reader.goto("/en");
    await shoot(reader, "reader-home");
    const story = await reader.locator('main a[href*="/en/article/"]').first().getAttribute("href");
    if (!story) throw new Error("The demo has no published English article.");
    await reader.goto(story);
    await shoot(reader, "reader-article");
  } finally {
    await browser.close();
  }
}

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), "cms-screenshots-"));
  chmodSync(work, 0o755); // the embedded server runs as the postgres user and must reach its folder
  // A server of its own even when DATABASE_URL names one: the pictures come from the demo data alone.
  delete process.env.DATABASE_URL;
  const server = await startDatabaseServer({ persistent: false, dataDir: path.join(work, "pg"), database: "cms_screenshots" });
  const distDir = `.next-screenshots-${process.pid}`;
  try {
    await applyMigrations(server.url);
    process.env.DATABASE_URL = server.url;
    const { seedDemo } = await import("../seed/seed");
    await seedDemo();
    const env = {
      ...process.env,
      DATABASE_URL: server.url,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      NODE_ENV: "production" as const,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    console.log("Building the CMS for the screenshots (next build)…");
    await runNext(["build"], env);
    const port = await freePort();
    const app = startNext(port, env);
    try {
      const baseURL = `http://localhost:${port}`;
      await waitForHealthy(baseURL);
      console.log("Taking the screenshots:");
      await takeAll(baseURL);
    } finally {
      app.kill("SIGTERM");
    }
  } finally {
    rmSync(path.join(root, distDir), { recursive: true, force: true });
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
