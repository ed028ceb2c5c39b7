// An editor uploads a photo (and sees bad files refused on their own row), writes its French and
// English alt text, makes it the lead image of a seeded article, which is then published; the
// reader page shows it as a responsive picture with explicit size, preloaded, in og:image. An
// import's extracted caption is stored on an uploaded photo from the review screen. In the editor,
// a caption in the body gets a library photo found by its caption.
import { writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { queryDatabase, storageStateFor } from "./helpers";
import { insertStory } from "./public-fixtures";

test.use({ storageState: storageStateFor("EDITOR") });

test("upload, describe, set as lead image, publish, read", async ({ page }, testInfo) => {
  const marker = `E2E${Date.now()}`;
  const photo = testInfo.outputPath("delegation.jpg");
  writeFileSync(
    photo,
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 90, b: Math.floor(Math.random() * 255) } } })
      .composite([{ input: Buffer.from(`<svg width="1200" height="800"><text x="40" y="120" font-size="80">${marker}</text></svg>`) }])
      .jpeg()
      .withExif({ IFD0: { Artist: "Nguyen Van A / VNA", Copyright: "(c) VNA" } })
      .toBuffer(),
  );
  const program = testInfo.outputPath("holiday.jpg");
  writeFileSync(program, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]));
  const drawing = testInfo.outputPath("logo.svg");
  writeFileSync(drawing, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const assetsBefore = Number((await queryDatabase<{ n: string }>("SELECT count(*) AS n FROM media_assets"))[0]!.n);

  await page.goto("/admin/media");
  await page.getByLabel(/photos à téléverser|photos to upload/i).setInputFiles([photo, program, drawing]);
  const rows = page.getByTestId("media-upload-rows").getByRole("listitem");
  await expect(rows.filter({ hasText: "holiday.jpg" })).toContainText(/programme|program/i);
  await expect(rows.filter({ hasText: "logo.svg" })).toContainText(/SVG/);
  const uploaded = rows.filter({ hasText: "delegation.jpg" });
  await expect(uploaded).toContainText(/téléversée|uploaded/i, { timeout: 20_000 });
  expect(Number((await queryDatabase<{ n: string }>("SELECT count(*) AS n FROM media_assets"))[0]!.n)).toBe(assetsBefore + 1);

  await uploaded.getByRole("link", { name: /décrire|describe/i }).click();
  await expect(page.getByLabel(/crédit \(agence|credit \(agency/i)).toHaveValue("Nguyen Van A / VNA");
  await page.getByLabel(/texte alternatif \(français\)|alt text \(french\)/i).fill(`Une délégation vietnamienne ${marker}`);
  await page.getByLabel(/légende \(français\)|caption \(french\)/i).fill(`Le ministre reçoit la délégation ${marker}`);
  await page.getByLabel(/texte alternatif \(anglais\)|alt text \(english\)/i).fill(`A Vietnamese delegation ${marker}`);
  await page.getByLabel(/légende \(anglais\)|caption \(english\)/i).fill(`The minister meets the delegation ${marker}`);
  await page.getByRole("button", { name: /^(enregistrer|save)$/i }).click();
  await expect(page.getByTestId("form-message").first()).toContainText(/enregistré|saved/i);
  const assetId = page.url().split("/").pop()!;

  const [story] = await queryDatabase<{ article_id: string; version_id: string; slug: string }>(
    `SELECT v.article_id, v.id AS version_id, v.slug FROM article_versions v JOIN articles a ON a.id = v.article_id
     WHERE v.language = 'fr' AND a.lead_image_id IS NULL AND v.status = 'DRAFT' ORDER BY v.created_at DESC LIMIT 1`,
  );
  expect(story, "a seeded French draft").toBeTruthy();
  await page.goto(`/admin/media/article/${story!.article_id}`);
  const picker = page.getByTestId("lead-image-picker");
  await picker.getByRole("radio", { name: new RegExp(marker) }).check();
  await picker.getByRole("button", { name: /utiliser comme image principale|use as lead image/i }).click();
  await expect(picker.getByTestId("form-message").first()).toContainText(/image principale a été définie|lead image was set/i);
  expect(
    (await queryDatabase<{ lead_image_id: string }>("SELECT lead_image_id FROM articles WHERE id = $1", [story!.article_id]))[0]
      ?.lead_image_id,
  ).toBe(assetId);

  // The photo is now used: the library says where, and refuses to delete it.
  await page.goto(`/admin/media/${assetId}`);
  await expect(page.getByTestId("media-usages")).toContainText(/image principale|lead image/i);
  await page.getByRole("button", { name: /supprimer cette photo|delete this photo/i }).click();
  await expect(page.getByText(/retirez-la de ces articles|remove it from them/i)).toBeVisible();

  // The body also gets an inline figure showing the same photo (as the editor's figure node stores it).
  await queryDatabase(
    `UPDATE article_versions SET body_json = jsonb_set(body_json, '{content}', (body_json->'content') || jsonb_build_array(jsonb_build_object('type', 'figure', 'attrs', jsonb_build_object('blockId', 'e2efigure', 'caption', 'Figure ' || $2::text, 'credit', 'VNA', 'assetId', $3::text))))
     WHERE id = $1`,
    [story!.version_id, marker, assetId],
  );
  await queryDatabase("UPDATE article_versions SET status = 'PUBLISHED', published_at = now() - interval '1 minute' WHERE id = $1", [
    story!.version_id,
  ]);

  await page.goto(`/fr/article/${encodeURIComponent(story!.slug)}`);
  const image = page.locator(`figure.story-lead-image img[alt="Une délégation vietnamienne ${marker}"]`);
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute("width", "1200");
  await expect(image).toHaveAttribute("height", "800");
  const picture = image.locator("xpath=..");
  await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute(
    "srcset",
    /\/media\/.+w400-[0-9a-f]{16}\.avif 400w, .+w800-[0-9a-f]{16}\.avif 800w, .+w1200-[0-9a-f]{16}\.avif 1200w/,
  );
  await expect(picture.locator('source[type="image/webp"]')).toHaveAttribute("srcset", /w400-[0-9a-f]{16}\.webp 400w/);
  expect(await image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
  await expect(page.locator('link[rel="preload"][as="image"]')).toHaveAttribute("imagesrcset", /\.avif 400w/);
  await expect(page.getByText(`Le ministre reçoit la délégation ${marker}`)).toBeVisible();
  const inline = page.locator(".story-body figure").filter({ hasText: `Figure ${marker}` });
  await expect(inline.locator(`img[alt="Une délégation vietnamienne ${marker}"]`)).toHaveAttribute("width", "1200");
  await expect(inline.locator('source[type="image/avif"]')).toHaveAttribute("srcset", /w800-[0-9a-f]{16}\.avif 800w/);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^https?:\/\/.+\/media\/.+\.webp$/);
  const jsonLd = (await page.locator('script[type="application/ld+json"]').allTextContents()).map(
    (text) => JSON.parse(text) as { "@type"?: string; image?: string[] },
  );
  expect(jsonLd.find((data) => data["@type"] === "NewsArticle")?.image?.[0]).toMatch(/^https?:\/\/.+\/media\/.+\.webp$/);

  // Files come back with their type, a year of caching and no sniffing; odd keys are 404.
  const src = await image.getAttribute("src");
  const response = await page.request.get(src!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/webp");
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  for (const bad of ["/media/..%2F..%2Fpackage.json.jpg", "/media/%2e%2e/%2e%2e/etc/passwd.png", `/media/${assetId}/nothing.webp`]) {
    expect((await page.request.get(bad, { maxRedirects: 0 })).status(), bad).toBe(404);
  }
});

test("the import review stores an extracted caption and its credit on an uploaded photo", async ({ page }, testInfo) => {
  const photo = testInfo.outputPath("conference.png");
  writeFileSync(
    photo,
    await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 200, g: Math.floor(Math.random() * 255), b: 60 } } })
      .png()
      .toBuffer(),
  );
  await page.goto("/admin/media");
  await page.getByLabel(/photos à téléverser|photos to upload/i).setInputFiles(photo);
  const row = page.getByTestId("media-upload-rows").getByRole("listitem").filter({ hasText: "conference.png" });
  await expect(row).toContainText(/téléversée|uploaded/i, { timeout: 20_000 });
  const assetId = (await row.getByRole("link", { name: /décrire|describe/i }).getAttribute("href"))!.split("/").pop()!;

  await page.goto("/admin/import");
  await page
    .getByLabel(/fichiers de dépêches|wire files/i)
    .setInputFiles(path.join(import.meta.dirname, "..", "lib", "import", "fixtures", "en-title-in-image-marker.txt"));
  await page
    .getByTestId("import-rows")
    .getByRole("listitem")
    .first()
    .getByRole("link", { name: /relire|review/i })
    .click();
  // By its quoted caption: once saved, the caption also names the photo in every form's choices.
  const match = page.getByTestId("caption-match").filter({ has: page.locator("blockquote", { hasText: "Delegates at the conference." }) });
  await match.getByLabel(/photo de cette légende|photo for this caption/i).selectOption(assetId);
  await match.getByRole("button", { name: /enregistrer sur la photo|save on the photo/i }).click();
  await expect(match.getByTestId("form-message")).toContainText(/légende a été enregistrée|caption was saved/i);

  const [saved] = await queryDatabase<{ caption: string; credit: string }>(
    "SELECT t.caption, a.credit FROM media_texts t JOIN media_assets a ON a.id = t.asset_id WHERE t.asset_id = $1 AND t.language = 'en'",
    [assetId],
  );
  expect(saved).toEqual({ caption: "Delegates at the conference.", credit: "VNA" });
});

test("in the editor, a caption gets its photo from the library: found by its caption, attached, saved, its use recorded", async ({
  page,
}, testInfo) => {
  const marker = `FIG${Date.now()}`;
  const photo = testInfo.outputPath("port.jpg");
  writeFileSync(
    photo,
    await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 20, g: 120, b: 160 } } })
      .jpeg()
      .toBuffer(),
  );
  await page.goto("/admin/media");
  await page.getByLabel(/photos à téléverser|photos to upload/i).setInputFiles([photo]);
  const uploaded = page.getByTestId("media-upload-rows").getByRole("listitem").filter({ hasText: "port.jpg" });
  await expect(uploaded).toContainText(/téléversée|uploaded/i, { timeout: 20_000 });
  await uploaded.getByRole("link", { name: /décrire|describe/i }).click();
  await page.getByLabel(/texte alternatif \(français\)|alt text \(french\)/i).fill(`Le port de Hai Phong ${marker}`);
  await page.getByLabel(/légende \(français\)|caption \(french\)/i).fill(`Navires au port ${marker}`);
  await page.getByLabel(/crédit \(agence|credit \(agency/i).fill("VNA");
  await page.getByRole("button", { name: /^(enregistrer|save)$/i }).click();
  await expect(page.getByTestId("form-message").first()).toContainText(/enregistré|saved/i);
  const assetId = page.url().split("/").pop()!;

  const { versionIds } = await insertStory([
    {
      language: "fr",
      status: "DRAFT",
      title: `Visite au port ${marker}`,
      slug: `port-${marker.toLowerCase()}`,
      paragraphs: ["Un paragraphe."],
      captions: [{ text: "Le ministre visite le port.", credit: null }],
    },
  ]);
  const versionId = versionIds.fr!;
  await page.goto(`/admin/articles/${versionId}`);
  // Selected from the keyboard: the paragraph below, then up onto the caption.
  await page.locator(".ProseMirror p").first().click();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowUp");
  await expect(page.locator(".ProseMirror figure.ProseMirror-selectednode")).toHaveCount(1);
  const panel = page.getByTestId("figure-panel");
  await expect(panel.getByTestId("figure-photo")).toContainText(/aucune photo jointe|no photo attached/i);
  await panel.getByLabel(/chercher une photo|find a photo/i).fill(marker);
  await panel.getByRole("button", { name: /^(chercher|search)$/i }).click();
  const results = panel.getByRole("list", { name: /photos trouvées|photos found/i });
  await expect(results.getByRole("button")).toHaveCount(1);
  await results.getByRole("button", { name: new RegExp(`Navires au port ${marker}`) }).click();
  await expect(panel.getByTestId("figure-photo")).toContainText(/une photo de la photothèque est jointe|a library photo is attached/i);
  await expect(page.getByText(/enregistré à|saved at/i)).toBeVisible({ timeout: 15_000 });

  await expect
    .poll(
      async () =>
        (
          await queryDatabase<{ n: string }>(
            `SELECT count(*) AS n FROM media_usages WHERE version_id = $1 AND asset_id = $2 AND role = 'INLINE'`,
            [versionId, assetId],
          )
        )[0]!.n,
    )
    .toBe("1");
  const [stored] = await queryDatabase<{ body_json: { content: { type: string; attrs?: Record<string, unknown> }[] } }>(
    "SELECT body_json FROM article_versions WHERE id = $1",
    [versionId],
  );
  const figure = stored!.body_json.content.find((node) => node.type === "figure");
  // The wire caption is kept; the photo's credit filled the empty one.
  expect(figure?.attrs).toMatchObject({ assetId, caption: "Le ministre visite le port.", credit: "VNA" });
});
