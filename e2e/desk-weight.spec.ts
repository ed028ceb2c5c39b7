// The weight of a full article list page (issue 17): 50 rows render under a byte budget (the budget
// is set from the measured size with a margin, so a change that puts the catalogue, the tags or the
// long per-cell classes back fails here), and the bulk bar's tag choices arrive only once it opens.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";

/** Measured 2026-12-06: 311,897 bytes for these 50 rows with the seeded tags (about 15 % margin). */
const LIST_PAGE_BUDGET_BYTES = 360_000;

test.use({ storageState: storageStateFor("EDITOR") });

test("a 50-row article list page stays under its byte budget, and the bulk bar fetches its tags when it opens", async ({ page }) => {
  const token = `poids${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  await queryDatabase(
    `INSERT INTO articles (id, source_language, created_at, updated_at)
       SELECT $1 || '-' || g, 'fr', now(), now() FROM generate_series(1, 50) AS g`,
    [token],
  );
  await queryDatabase(
    `INSERT INTO article_versions (id, article_id, language, status, title, slug, body_json, updated_at)
       SELECT $1 || '-v' || g, $1 || '-' || g, 'fr', 'DRAFT', 'Dépêche ' || $1 || ' numéro ' || g, $1 || '-' || g,
              '{"type":"doc","content":[]}'::jsonb, now()
       FROM generate_series(1, 50) AS g`,
    [token],
  );

  const url = `/admin/articles?q=${token}`;
  const response = await page.request.get(url);
  expect(response.ok()).toBe(true);
  const html = await response.body();
  const rows = (html.toString("utf8").match(/data-version-id="/g) ?? []).length;
  expect(rows).toBe(50);
  console.log(`article list, 50 rows: ${html.byteLength} bytes of HTML`);
  expect(html.byteLength).toBeLessThan(LIST_PAGE_BUDGET_BYTES);

  await page.goto(url);
  const tagChoice = page.locator("#bulk-tag option");
  await expect(tagChoice).toHaveCount(1);
  await page.locator("input[data-row-select]").first().check();
  await expect(page.getByTestId("selection-bar")).toBeVisible();
  await expect.poll(() => tagChoice.count()).toBeGreaterThan(1);
});
