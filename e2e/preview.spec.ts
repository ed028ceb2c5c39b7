// Draft preview links (issue 20, item 6): an editor shares a preview of a draft from the editor's
// "More actions" menu; a signed-out browser opens the link and sees the draft as the reader's page
// under the banner, noindex and not stored; after Revoke the link is the 404 page; the draft never
// reaches the reader home. Screenshots at 1366 and 390 px.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./helpers";
import { insertStory, uniqueToken } from "./public-fixtures";

const shots = path.join(import.meta.dirname, "..", "test-results", "screenshots", "preview");
mkdirSync(shots, { recursive: true });

async function openShareDialog(page: Page, versionId: string) {
  await page.goto(`/admin/articles/${versionId}`);
  await page.getByRole("button", { name: /^plus d’actions$|^more actions$/i }).click();
  await expect(page.getByRole("menuitem", { name: /^aperçu$|^preview$/i })).toHaveAttribute("href", `/admin/preview/${versionId}`);
  await expect(page.getByRole("menuitem", { name: /^aperçu$|^preview$/i })).toHaveAttribute("target", "_blank");
  await page.getByRole("menuitem", { name: /partager un aperçu|share preview/i }).click();
  return page.getByRole("dialog");
}

test("an editor shares a draft's preview; a signed-out reader opens it until it is revoked", async ({ browser }) => {
  test.slow(); // Two browser contexts, a phone screenshot and a revocation round trip.
  const word = uniqueToken();
  const title = `Brouillon à relire ${word}`;
  const { versionIds } = await insertStory([
    {
      language: "fr",
      status: "DRAFT",
      title,
      slug: `brouillon-${word}`,
      standfirst: "Un chapeau de brouillon.",
      paragraphs: [`Corps ${word}.`],
    },
  ]);
  const versionId = versionIds.fr!;

  // The editor's own preview, in the desk.
  const editor = await browser.newContext({ storageState: storageStateFor("EDITOR"), viewport: { width: 1366, height: 900 } });
  const desk = await editor.newPage();
  const own = await desk.goto(`/admin/preview/${versionId}`);
  expect(own?.status()).toBe(200);
  await expect(desk.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(desk.locator(".preview-banner")).toBeVisible();

  const dialog = await openShareDialog(desk, versionId);
  await dialog.getByRole("button", { name: /^créer un lien$|^make a link$/i }).click();
  const url = (await dialog.getByTestId("new-preview-link-url").textContent())!;
  expect(url).toMatch(/\/preview\/[a-z0-9]+\.\d+\.[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByTestId("live-preview-links").getByRole("listitem")).toHaveCount(1);
  await desk.screenshot({ path: path.join(shots, "share-1366.png") });
  const previewPath = new URL(url).pathname;

  // Anyone holding the link, signed out.
  const reader = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const anonymous = await reader.newPage();
  const opened = await anonymous.goto(previewPath);
  expect(opened?.status()).toBe(200);
  expect(opened?.headers()["x-robots-tag"]).toContain("noindex");
  expect(opened?.headers()["cache-control"]).toContain("no-store");
  expect(opened?.headers()["cache-control"]).toContain("private");
  await expect(anonymous.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(anonymous.locator(".preview-banner")).toHaveText(/aperçu — non publié/i);
  await anonymous.screenshot({ path: path.join(shots, "preview-1366.png"), fullPage: true });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phonePage = await phone.newPage();
  await phonePage.goto(previewPath);
  await expect(phonePage.locator(".preview-banner")).toBeVisible();
  await phonePage.screenshot({ path: path.join(shots, "preview-390.png"), fullPage: true });

  // The draft is nowhere on the reader site.
  expect((await anonymous.goto("/fr"))?.status()).toBe(200);
  expect(await anonymous.content()).not.toContain(word);
  expect((await anonymous.goto(`/fr/article/brouillon-${word}`))?.status()).toBe(404);

  // Revoked: the link opens nothing.
  await dialog
    .getByTestId("live-preview-links")
    .getByRole("button", { name: /^révoquer$|^revoke$/i })
    .click();
  await expect(dialog.getByText(/aucun lien valide|no live link/i)).toBeVisible();
  const revoked = await anonymous.goto(previewPath);
  expect(revoked?.status()).toBe(404);
  expect(await anonymous.content()).not.toContain(word);

  // The phone width of the desk's dialog.
  const editorPhone = await browser.newContext({ storageState: storageStateFor("EDITOR"), viewport: { width: 390, height: 844 } });
  const deskPhone = await editorPhone.newPage();
  await openShareDialog(deskPhone, versionId);
  await deskPhone.screenshot({ path: path.join(shots, "share-390.png") });
  await Promise.all([editor.close(), reader.close(), phone.close(), editorPhone.close()]);
});
