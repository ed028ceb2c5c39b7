// Ingest in the browser: an editor adds a feed source served by a real HTTP server on loopback that
// this test starts; its first poll is refused (a loopback address) until an admin marks the source
// internal on its page; polled again, its items wait in the review queue and on the source's page.
// The list, a source's page and the new-source form are photographed at desktop and phone width.
// A source that paused itself after failed polls is named on the dashboard until an editor resumes it.
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";
import { makeStory, startFeedServer, type FeedServer } from "../test/fixtures/ingest-server";

const shots = path.join(import.meta.dirname, "..", "test-results", "screenshots", "ingest");

let server: FeedServer;
test.beforeAll(async () => {
  server = await startFeedServer();
});
test.afterAll(() => server.close());

async function desk(browser: Browser, role: "EDITOR" | "ADMIN"): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateFor(role), viewport: { width: 1366, height: 900 } });
  return context.newPage();
}

const sourceRow = (page: Page, name: string) =>
  page.getByTestId("ingest-sources").locator("[data-testid^='ingest-source-']").filter({ hasText: name });

test("an editor adds a feed, an admin marks it internal, its items wait in the review queue", async ({ browser }) => {
  // Two signed-in browsers, two polls through the import pipeline and six full-page photographs:
  // over the default 30 s on the shared 2-core machine, though no step waits on a clock.
  test.slow();
  const stories = [makeStory(), makeStory()];
  const url = server.feed(`e2e-${stories[0]!.id}`, "rss", stories);
  const name = `Loopback wire ${stories[0]!.id}`;

  const editor = await desk(browser, "EDITOR");
  await editor.goto("/admin/ingest");
  await editor.getByRole("button", { name: /nouvelle source|new source/i }).click();
  const dialog = editor.getByRole("dialog");
  await dialog.getByLabel(/^(nom|name)/i).fill(name);
  await dialog.getByLabel(/adresse du flux|feed url/i).fill(url);
  // Only an admin may let a source reach private addresses.
  await expect(dialog.getByLabel(/interne|internal/i)).toHaveCount(0);
  await dialog.getByRole("button", { name: /ajouter la source|add the source/i }).click();
  await expect(dialog).toBeHidden();

  // The fetch guard refuses the loopback server: the row says why.
  const row = sourceRow(editor, name);
  await row.getByRole("button", { name: new RegExp(`(relever|poll) ${name}`, "i") }).click();
  await expect(row).toContainText(/adresse privée ou locale|private or local address/i);

  const admin = await desk(browser, "ADMIN");
  await admin.goto("/admin/ingest");
  await sourceRow(admin, name).getByRole("link", { name }).click();
  await admin.getByRole("button", { name: /marquer comme interne|mark as internal/i }).click();
  await expect(admin.getByRole("button", { name: /adresses publiques seulement|public addresses only/i })).toBeVisible();

  await editor.reload();
  await sourceRow(editor, name)
    .getByRole("button", { name: new RegExp(`(relever|poll) ${name}`, "i") })
    .click();
  await expect(editor.getByText(/relevée : ce qui est arrivé|polled: what came in/i).first()).toBeVisible({ timeout: 30_000 });
  await expect(sourceRow(editor, name)).not.toContainText(/adresse privée ou locale|private or local address/i);

  // Both items wait for review.
  await editor.goto("/admin/import");
  await expect(editor.getByTestId("pending-imports").getByRole("link", { name })).toHaveCount(2);

  await editor.goto("/admin/ingest");
  await sourceRow(editor, name).getByRole("link", { name }).click();
  await expect(editor.getByTestId("ingest-items-today")).toHaveText("2");
  const items = editor.getByTestId("ingest-items");
  await expect(items.getByRole("link", { name: /ouvrir la relecture|open the review/i })).toHaveCount(2);
  await expect(items).toContainText(stories[1]!.title);

  const sourcePath = new URL(editor.url()).pathname;
  for (const width of [1366, 390]) {
    await admin.setViewportSize({ width, height: width > 600 ? 900 : 844 });
    await admin.goto("/admin/ingest");
    await admin.screenshot({ path: path.join(shots, `ingest-list-${width}.png`), fullPage: true });
    await admin.goto(sourcePath);
    await admin.screenshot({ path: path.join(shots, `ingest-source-${width}.png`), fullPage: true });
    await admin.goto("/admin/ingest");
    await admin.getByRole("button", { name: /nouvelle source|new source/i }).click();
    await expect(admin.getByRole("dialog")).toBeVisible();
    await admin.screenshot({ path: path.join(shots, `ingest-new-source-${width}.png`), fullPage: true });
  }
});

test("a source that paused itself after failed polls is named on the dashboard until someone resumes it", async ({ browser }) => {
  const story = makeStory();
  const name = `Failing wire ${story.id}`;
  // Five failed polls in a row, as lib/ingest/poll.ts leaves them (the pause itself is tested in poll.test.ts).
  await queryDatabase(
    `INSERT INTO ingest_sources (id, kind, name, url, enabled, paused_reason, consecutive_failures, last_error, last_error_at, updated_at)
     VALUES ($1, 'FEED', $2, $3, false, 'failures', 5, $4::jsonb, now(), now())`,
    [
      `e2e-${story.id}`,
      name,
      `${server.base}/feeds/missing-${story.id}`,
      JSON.stringify({ code: "ingest.errors.blockedAddress", params: { host: "127.0.0.1" } }),
    ],
  );
  const editor = await desk(browser, "EDITOR");
  await editor.goto("/admin");
  const notice = editor.getByTestId("paused-sources");
  await expect(notice).toContainText(/s.est mise en pause|paused itself/i);
  await expect(notice).toContainText(/127\.0\.0\.1/);
  for (const width of [1366, 390]) {
    await editor.setViewportSize({ width, height: width > 600 ? 900 : 844 });
    await editor.screenshot({ path: path.join(shots, `dashboard-paused-source-${width}.png`), fullPage: true });
    // The dashboard fits the phone: its wide state table scrolls on its own.
    const overflow = await editor.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
  }
  await notice.getByRole("link", { name: new RegExp(name) }).click();
  await expect(editor.getByRole("heading", { level: 1 })).toContainText(name);
  await editor.getByRole("button", { name: /^(reprendre|resume)$/i }).click();
  await expect(editor.getByText(/source (reprise|resumed)/i).first()).toBeVisible();
  await editor.goto("/admin");
  await expect(editor.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(editor.getByRole("link", { name: new RegExp(name) })).toHaveCount(0);
  await editor.context().close();
});
