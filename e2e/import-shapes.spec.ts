// The review screen names and undoes the changes made by shape (issue 18): a menu and a section
// label above the headline, a link line in the body.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { storageStateFor } from "./helpers";

const corpus = path.join(import.meta.dirname, "..", "lib", "import", "corpus");

test.use({ storageState: storageStateFor("EDITOR") });

test("a page pasted with its menu, label and a link line: each change is labelled and a link can be restored", async ({
  page,
}, testInfo) => {
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles(path.join(corpus, "hanoitimes-en-nav-bar.txt"));
  const row = page.getByTestId("import-rows").getByRole("listitem").filter({ hasText: "hanoitimes-en-nav-bar.txt" });
  // The first upload may wait for a parse worker to load its word lists.
  await expect(row).toContainText(/prêt à relire|ready for review/i, { timeout: 30_000 });
  await row.getByRole("link", { name: /relire|review/i }).click();

  const changes = page.getByTestId("change");
  await expect(changes.filter({ hasText: /Habillage de page supprimé|Page furniture removed/ })).toHaveCount(1);
  await expect(changes.filter({ hasText: /lue comme rubrique|read as the section/ })).toHaveCount(1);
  const link = changes.filter({ hasText: /Lien vers un autre article supprimé|Link to another story removed/ });
  await expect(link).toHaveCount(1);
  const cleaned = page.getByTestId("cleaned-article");
  await expect(cleaned).not.toContainText("Hanoi pedestrian streets draw record crowds");

  for (const [name, width, height] of [
    ["desktop", 1366, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`import-shapes-${name}.png`), fullPage: true });
  }

  await link.getByRole("button", { name: /annuler|undo/i }).click();
  await expect(page.getByText(/relecture enregistrée|review saved/i)).toBeVisible();
  await expect(cleaned).toContainText("Read more: Hanoi pedestrian streets draw record crowds");
});

test("an agency the import does not know is added from the review screen, and the file is read again with it", async ({
  page,
}, testInfo) => {
  // An agency of this run only: the registry is shared by every import of the test database.
  const agency = `QZ${Date.now().toString(36).toUpperCase().replace(/\d/g, "")}`.slice(0, 8);
  const copy = [
    "Les deux pays renforcent leur coopération agricole",
    `(${agency}) – Les ministres de l’Agriculture se sont réunis mardi pour examiner les projets communs de la saison.`,
    `Ils ont convenu d’échanger des semences et des techniques d’irrigation dans les provinces du Nord-${agency}`,
  ].join("\n");
  const name = `agency-${agency}.txt`;
  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(copy) });
  const row = page.getByTestId("import-rows").getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText(/prêt à relire|ready for review/i, { timeout: 30_000 });
  await row.getByRole("link", { name: /relire|review/i }).click();

  const cleaned = page.getByTestId("cleaned-article");
  await expect(cleaned).toContainText(`provinces du Nord-${agency}`);
  const panel = page.getByTestId("add-agency");
  await panel.getByText(/agence non reconnue|agency not recognised/i).click();
  await panel.getByLabel(/agence telle qu’écrite|agency as written/i).fill(agency);
  for (const [view, width, height] of [
    ["desktop", 1366, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await panel.screenshot({ path: testInfo.outputPath(`import-add-agency-${view}.png`) });
  }
  await panel.getByRole("button", { name: /ajouter l’agence|add agency/i }).click();
  await expect(panel.getByText(/agence ajoutée|agency added/i)).toBeVisible();
  // Read again: the bare dateline names the agency, and the sign-off left the last paragraph.
  await expect(cleaned).toContainText(new RegExp(`(Dateline|Lieu et agence)\\s*:\\s*${agency}`));
  await expect(cleaned).toContainText("provinces du Nord.");
  await page.screenshot({ path: testInfo.outputPath("import-add-agency-after.png"), fullPage: true });
});
