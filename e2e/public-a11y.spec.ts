// Accessibility of the reader site (WCAG 2.2 AA as axe-core checks it): home, article, tag and
// search pages in both languages, plus the 404 page; one h1 each, a working skip link, and the
// language of the page and of passages in the other language.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { announceChange, insertStory, insertTag, uniqueToken } from "./public-fixtures";

const token = uniqueToken();
const slugs = { fr: `accessibilite-${token}`, en: `accessibility-${token}` };
let tagSlugs = { fr: "", en: "" };

test.beforeAll(async ({ request }) => {
  const tag = await insertTag({ fr: "Coopération", en: "Cooperation" });
  tagSlugs = tag.slugs;
  const story = await insertStory(
    [
      {
        language: "fr",
        title: `Les élèves visitent les musées ${token}`,
        slug: slugs.fr,
        standfirst: "Une journée au musée.",
        paragraphs: ["Les élèves ont visité trois musées."],
        captions: [{ text: "Au musée.", credit: "Photo : VNA" }],
      },
      {
        language: "en",
        title: `Students visit museums ${token}`,
        slug: slugs.en,
        standfirst: "A day at the museum.",
        paragraphs: ["Students visited three museums."],
      },
    ],
    { tagIds: [tag.tagId], sourceLanguage: "fr" },
  );
  await insertStory([{ language: "fr", title: `Coopération régionale ${token}`, slug: `cooperation-${token}`, paragraphs: ["Texte."] }], {
    tagIds: [tag.tagId],
  });
  await announceChange(request, { articleIds: [story.articleId], languages: ["fr", "en"], tagIds: [tag.tagId] });
});

async function expectNoViolations(page: Page, path: string, status = 200) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
  expect(summary, path).toEqual([]);
  expect(results.passes.length, path).toBeGreaterThan(15);
  await expect(page.locator("h1"), path).toHaveCount(1);
}

const pages = (locale: "fr" | "en") => [
  `/${locale}`,
  `/${locale}/article/${slugs[locale]}`,
  locale === "fr" ? "/fr/recherche?q=eleve+musee" : "/en/search?q=museum+student",
  locale === "fr" ? "/fr/recherche" : "/en/search",
  `/${locale}/tag/${tagSlugs[locale]}`,
];

for (const locale of ["fr", "en"] as const) {
  test(`reader pages in ${locale} have no axe violations`, async ({ page }) => {
    for (const path of pages(locale)) {
      await expectNoViolations(page, path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    }
    await expectNoViolations(page, `/${locale}/article/no-such-story`, 404);
  });
}

test("the skip link is the first stop and moves focus to the content", async ({ page }) => {
  await page.goto(`/fr/article/${slugs.fr}`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator("main")).toBeFocused();
});

test("passages in the other language carry their own lang", async ({ page }) => {
  await page.goto(`/fr/article/${slugs.fr}`);
  await expect(page.getByRole("link", { name: "Read in English" })).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Read this article in English" })).toHaveAttribute("lang", "en");
  await page.goto(`/en/article/${slugs.en}`);
  await expect(page.getByRole("link", { name: "Lire en français" })).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("link", { name: "Lire cet article en français" })).toHaveAttribute("lang", "fr");
});
