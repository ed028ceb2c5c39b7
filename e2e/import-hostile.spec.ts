// A hostile upload does not freeze the site (issue 26): a 2 MB line without spaces is parsed in
// the worker pool, stopped at its time budget (1 s under the test runner) and refused on its own
// row in the person's language, while a reader page still answers and the other file is staged.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { hostileFile } from "../lib/import/hostile-shapes";
import { storageStateFor } from "./helpers";

test.use({ storageState: storageStateFor("EDITOR") });

test("a file over the parse budget is refused alone while readers are served", async ({ page, request }, testInfo) => {
  const { writeFileSync } = await import("node:fs");
  const hostile = testInfo.outputPath("pasted-code.txt");
  // The slowest of the hostile shapes at the 2 MB limit: ~3.8 s on an idle 2-core machine, well over
  // the test server's 1 s budget, where a story takes a few milliseconds.
  writeFileSync(hostile, hostileFile("English text without spaces", 2_000_000));
  // A story of its own, so no other spec's upload of a shared fixture shows it as waiting twice.
  const story = testInfo.outputPath("story.txt");
  const topic = randomUUID().slice(0, 8);
  writeFileSync(
    story,
    `Hanoï (VNA) – Le ministre des Affaires étrangères a reçu mercredi à Hanoï la délégation ${topic} pour renforcer la coopération économique entre les deux pays.\n\nLes deux parties sont convenues de promouvoir les échanges commerciaux./.\n`,
  );
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles([hostile, story]);

  // Meanwhile a reader's page answers promptly: the parse holds no thread that serves requests.
  const started = Date.now();
  const reader = await request.get("/fr");
  expect(reader.status()).toBe(200);
  expect(Date.now() - started).toBeLessThan(3_000);

  const rows = page.getByTestId("import-rows").getByRole("listitem");
  const refused = rows.filter({ hasText: "pasted-code.txt" });
  await expect(refused).toContainText(/trop de temps|took too long/i, { timeout: 30_000 });
  await expect(rows.filter({ hasText: "story.txt" })).toContainText(/prêt à relire|ready for review/i);

  for (const [name, width, height] of [
    ["desktop", 1366, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await refused.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`import-refused-${name}.png`), fullPage: true });
  }
});
