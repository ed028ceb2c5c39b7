// More kinds of input on the import page: a page saved from a browser, a Word file and an e-mail
// with attachments go through the same pipeline and review as wire text; what cannot be read
// (a PDF attached to the mail) is refused on its own line.
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import { Document, Packer, Paragraph, TextRun } from "docx";
import nodemailer from "nodemailer";
import { expect, test, type Page } from "@playwright/test";
import { storageStateFor } from "./helpers";

test.use({ storageState: storageStateFor("EDITOR") });

const SHOTS = process.env.SCREENSHOT_DIR ?? "";

/** A story no other test uploads (its own topic), so it is never a duplicate. */
function story(topic: string): string[] {
  return [
    `Le Vietnam et le Japon renforcent leur coopération sur le dossier ${topic}`,
    `Hanoï (VNA) – Le ministre des Affaires étrangères a reçu le 12 mars à Hanoï l’ambassadeur du Japon pour examiner le dossier ${topic}.`,
    `Les échanges entre les deux pays ont atteint 50 milliards de dollars l’an dernier, selon le ministère ${topic}.`,
  ];
}

async function docxOf(lines: string[]): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] }));
}

function pageOf([title, ...paragraphs]: string[]): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title} | Le Courrier</title></head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>${title}</h1><time datetime="2024-03-12T08:00:00+07:00">12/03/2024</time>
<p>${paragraphs[0]}</p><figure><img src="a.jpg" alt=""><figcaption>Le ministre et l’ambassadeur à Hanoï. Photo : VNA</figcaption></figure>
<p>${paragraphs[1]}</p></article><footer>Licence n° 123/GP-BTTTT</footer></body></html>`;
}

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

test("a saved web page, a Word file and an e-mail with attachments are uploaded and reviewed", async ({ page }, testInfo) => {
  const [htmlStory, docxStory, mailStory, attachedStory] = [0, 1, 2, 3].map(() => story(randomUUID().slice(0, 8)));
  const html = testInfo.outputPath("article.html");
  const docx = testInfo.outputPath("communique.docx");
  const eml = testInfo.outputPath("depeche.eml");
  writeFileSync(html, pageOf(htmlStory!));
  writeFileSync(docx, await docxOf(docxStory!));
  // A stream transport sends nothing: it hands back the composed message (RFC 5322 + MIME).
  const sent = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({
    from: "desk@example.org",
    to: "import@example.org",
    subject: "Dépêche",
    text: mailStory!.join("\n\n"),
    attachments: [
      { filename: "note.docx", content: await docxOf(attachedStory!) },
      { filename: "scan.pdf", content: "%PDF-1.7\n" },
    ],
  });
  writeFileSync(eml, sent.message as Buffer);

  await page.goto("/admin/import");
  await page.getByLabel(/fichiers de dépêches|wire files/i).setInputFiles([html, docx, eml]);
  // One row per file; the mail's attachments are listed inside its row.
  const rows = page.getByTestId("import-rows").locator(":scope > li");
  await expect(rows.filter({ hasText: /prêt à relire|ready for review/i })).toHaveCount(3);
  const mailItems = page.getByTestId("import-mail-items");
  await expect(mailItems.getByRole("listitem").filter({ hasText: "depeche.eml › note.docx" }).getByRole("link")).toBeVisible();
  await expect(mailItems.getByRole("listitem").filter({ hasText: "depeche.eml › scan.pdf" })).toContainText(/PDF/);
  await shoot(page, "import-readers-rows");

  // The page's article, its <time> date and its figure caption; not its menu or footer.
  await rows
    .filter({ hasText: "article.html" })
    .getByRole("link", { name: /relire|review/i })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("article.html");
  const cleaned = page.getByTestId("cleaned-article");
  await expect(cleaned).toContainText(htmlStory![2]!);
  await expect(cleaned).not.toContainText("Accueil");
  await expect(cleaned).toContainText("Le ministre et l’ambassadeur à Hanoï.");
  await shoot(page, "import-readers-html-review");

  await page.goto("/admin/import");
  await page.getByRole("link", { name: "communique.docx" }).first().click();
  await expect(cleaned).toContainText(docxStory![2]!);
  await page.getByRole("button", { name: /accepter et créer le brouillon|accept and create the draft/i }).click();
  // Files uploaded together are reviewed one after another: the accept opens the next one waiting.
  await expect(page).toHaveURL(/\/admin\/import\/[^/?]+\?accepted=1$/);
  await page.goto("/admin/articles");
  await expect(page.getByRole("link", { name: docxStory![0]! })).toBeVisible();
});
