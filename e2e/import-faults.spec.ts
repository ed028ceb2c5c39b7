// The import page under lost connections and concurrency: an upload whose answer was lost is read
// back from the server (stored once, shown ready), one lost before the server is offered again and
// stored once, a text already waiting is flagged, and two editors accepting the same text make one
// article, the second told which one with a link.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { expect, test, type Page, type Route } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";

test.use({ storageState: storageStateFor("EDITOR") });

const SHOTS = process.env.SCREENSHOT_DIR ?? "";

/** A wire file no other test uploads (its own topic). */
function wireFile(dir: string, name: string, topic = randomUUID().slice(0, 8)): string {
  mkdirSync(dir, { recursive: true });
  const file = `${dir}/${name}`;
  writeFileSync(
    file,
    `Le Vietnam et le Japon renforcent leur coopération sur le dossier ${topic}

Hanoï (VNA) – Le ministre des Affaires étrangères a reçu le 12 mars à Hanoï l’ambassadeur du Japon pour examiner le dossier ${topic} et la coopération économique entre les deux pays.

Les deux parties ont passé en revue la mise en œuvre des accords signés et sont convenues de promouvoir les échanges de délégations de haut niveau, le commerce et l’investissement./.
`,
  );
  return file;
}

const isUpload = (route: Route) =>
  route.request().method() === "POST" &&
  Boolean(route.request().headers()["next-action"]) &&
  (route.request().postDataBuffer()?.includes("filename=") ?? false);
const recordsNamed = async (name: string) =>
  Number((await queryDatabase<{ n: string }>("SELECT count(*) AS n FROM import_records WHERE file_name = $1", [name]))[0]!.n);

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [width, height] of [
    [1366, 900],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test("an upload whose answer was lost is read back from the server: ready, stored once", async ({ page }, testInfo) => {
  const name = `lost-answer-${randomUUID().slice(0, 8)}.txt`;
  const file = wireFile(testInfo.outputPath(), name);
  // The first upload reaches the server and is answered, but the page never gets the answer.
  await page.addInitScript(() => {
    const send = window.fetch.bind(window);
    let cut = 0;
    window.fetch = async (input, init) => {
      const response = await send(input, init);
      const isUpload = init?.body instanceof FormData && [...init.body.values()].some((value) => value instanceof File);
      if (!isUpload || cut++ > 0) return response;
      await response.arrayBuffer();
      throw new TypeError("Failed to fetch");
    };
  });
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles(file);
  const row = page.getByTestId("import-rows").getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText(/prêt à relire|ready for review/i);
  await expect(row.getByRole("link", { name: /relire|review/i })).toBeVisible();
  expect(await recordsNamed(name)).toBe(1);

  // The same text uploaded again is flagged as waiting for review, with a link to the first.
  const copy = testInfo.outputPath(`copy-${name}`);
  writeFileSync(copy, readFileSync(file));
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles(copy);
  const copyRow = page
    .getByTestId("import-rows")
    .getByRole("listitem")
    .filter({ hasText: `copy-${name}` });
  await expect(copyRow.getByRole("link", { name: /attend déjà une relecture|already waiting for review/i })).toBeVisible();
  await shoot(page, "import-read-back");
});

test("an upload lost before the server is offered again, and stored once when sent again", async ({ page }, testInfo) => {
  const name = `lost-request-${randomUUID().slice(0, 8)}.txt`;
  const file = wireFile(testInfo.outputPath(), name);
  let cut = 0;
  await page.route("**/admin/import", async (route) => {
    if (!isUpload(route) || cut > 0) return route.continue();
    cut++;
    await route.abort("connectionreset");
  });
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles(file);
  const row = page.getByTestId("import-rows").getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText(/refusé|refused/i);
  await expect(row).toContainText(/rien n’a été importé|nothing was imported/i);
  expect(await recordsNamed(name)).toBe(0);
  await shoot(page, "import-lost-request");
  await row.getByRole("button", { name: /renvoyer|send again/i }).click();
  await expect(row).toContainText(/prêt à relire|ready for review/i);
  expect(await recordsNamed(name)).toBe(1);
});

test("two editors accept the same text: one article, the second told which one", async ({ page, context }, testInfo) => {
  const topic = randomUUID().slice(0, 8);
  const first = wireFile(testInfo.outputPath("a"), `twin-a-${topic}.txt`, topic);
  const second = wireFile(testInfo.outputPath("b"), `twin-b-${topic}.txt`, topic);
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles([first, second]);
  const rows = page.getByTestId("import-rows").getByRole("listitem");
  await expect(rows.filter({ hasText: /prêt à relire|ready for review/i })).toHaveCount(2);
  const reviewOf = async (name: string) =>
    (await rows
      .filter({ hasText: name })
      .getByRole("link", { name: /^(relire|review)$/i })
      .getAttribute("href"))!;
  const [hrefA, hrefB] = [await reviewOf(`twin-a-${topic}.txt`), await reviewOf(`twin-b-${topic}.txt`)];

  // The other editor has the second copy open before the first is accepted.
  const other = await context.newPage();
  await other.goto(hrefB);
  await page.goto(hrefA);
  await page.getByRole("button", { name: /accepter et créer le brouillon|accept and create the draft/i }).click();
  // The two files were uploaded together: accepting one goes on to the other one's review.
  await expect(page).toHaveURL(/\/admin\/import\/[^/?]+\?accepted=1$/);

  await other.getByRole("button", { name: /accepter et créer le brouillon|accept and create the draft/i }).click();
  const link = other.getByTestId("already-imported").getByRole("link", { name: /déjà importé sous le titre|already imported as/i });
  await expect(link).toBeVisible();
  await expect(other.getByTestId("form-message").first()).not.toContainText(/went wrong|erreur inattendue/i);
  await shoot(other, "import-already-imported");
  const articles = await queryDatabase<{ n: string }>("SELECT count(*) AS n FROM article_versions WHERE body_text LIKE $1", [`%${topic}%`]);
  expect(Number(articles[0]!.n)).toBe(1);
  await link.click();
  await expect(other).toHaveURL(/\/admin\/articles\?article=/);
});
