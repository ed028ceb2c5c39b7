// The admin list against the real database: each filter, search in both languages, sorts and
// pagination. Every test narrows by a word unique to it, since other files share the database.
import { describe, expect, it } from "vitest";
import { parseArticleListFilters } from "@/lib/articles/list-filters";
import { listAdminArticleVersions } from "@/lib/articles/list-versions";
import { db } from "@/lib/db";
import { makeArticle, makeUser, uniqueWord } from "@/test/fixtures/workflow";

const list = (params: Record<string, string>, pageSize?: number) => listAdminArticleVersions(parseArticleListFilters(params), pageSize);
const titles = async (params: Record<string, string>) => (await list(params)).rows.map((row) => row.title).sort();

describe("listAdminArticleVersions", () => {
  it("finds French and English versions by words of their body, accents and stems folded", async () => {
    const word = uniqueWord("kw");
    await makeArticle([{ language: "fr", title: `Élèves ${word} fr`, body: `Les élèves ont visité les musées de Hanoï ${word}.` }]);
    await makeArticle([{ language: "en", title: `Students ${word} en`, body: `Students visited the museums of Hanoi ${word}.` }]);
    expect(await titles({ q: word })).toEqual([`Students ${word} en`, `Élèves ${word} fr`]);
    expect(await titles({ q: `eleve musee ${word}`, language: "fr" })).toEqual([`Élèves ${word} fr`]);
    expect(await titles({ q: `museum ${word}` })).toEqual([`Students ${word} en`]);
    expect(await titles({ q: `${word} -hanoi` })).toEqual([]);
  });

  it("filters by status, language, tag, author, date and missing translation", async () => {
    const word = uniqueWord("kw");
    const author = await makeUser("EDITOR");
    const paired = await makeArticle(
      [
        { language: "fr", status: "PUBLISHED", title: `A ${word}`, body: word },
        { language: "en", title: `B ${word}`, body: word },
      ],
      author.id,
    );
    await makeArticle([{ language: "fr", status: "IN_REVIEW", title: `C ${word}`, body: word }]);
    await makeArticle([{ language: "en", status: "APPROVED", title: `D ${word}`, body: word }]);
    const tag = await db.tag.create({ data: { type: "TOPIC" }, select: { id: true } });
    await db.articleTag.create({ data: { articleId: paired.articleId, tagId: tag.id } });

    expect(await titles({ q: word, status: "IN_REVIEW" })).toEqual([`C ${word}`]);
    expect(await titles({ q: word, language: "en" })).toEqual([`B ${word}`, `D ${word}`]);
    expect(await titles({ q: word, tag: tag.id })).toEqual([`A ${word}`, `B ${word}`]);
    expect(await titles({ q: word, author: author.id })).toEqual([`A ${word}`, `B ${word}`]);
    expect(await titles({ q: word, missing: "1" })).toEqual([`C ${word}`, `D ${word}`]);
    const rows = (await list({ q: word })).rows;
    expect(rows.find((row) => row.title === `C ${word}`)?.missingTranslation).toBe(true);
    expect(rows.find((row) => row.title === `A ${word}`)).toMatchObject({ missingTranslation: false, authorName: author.name });

    const old = await makeArticle([{ language: "fr", title: `E ${word}`, body: word }]);
    await db.articleVersion.update({ where: { id: old.versions[0]!.id }, data: { updatedAt: new Date("2020-05-05T12:00:00Z") } });
    expect(await titles({ q: word, from: "2020-05-05", to: "2020-05-05" })).toEqual([`E ${word}`]);
    expect(await titles({ q: word, to: "2020-05-04" })).toEqual([]);
    expect(await titles({ q: word, from: "2000-01-01", dateField: "published" })).toEqual([`A ${word}`]);
  });

  it("sorts by title, by publication and by last change, and pages in SQL", async () => {
    const word = uniqueWord("kw");
    for (const [letter, publishedAt] of [
      ["c", "2026-01-03"],
      ["a", "2026-01-01"],
      ["b", null],
    ] as const) {
      await makeArticle([
        {
          language: "fr",
          title: `${letter} ${word}`,
          body: word,
          status: publishedAt ? "PUBLISHED" : "DRAFT",
          publishedAt: publishedAt ? new Date(publishedAt) : null,
        },
      ]);
    }
    expect((await list({ q: word, sort: "title" })).rows.map((row) => row.title[0])).toEqual(["a", "b", "c"]);
    expect((await list({ q: word, sort: "title", dir: "desc" })).rows.map((row) => row.title[0])).toEqual(["c", "b", "a"]);
    // Sorting by publication lists only versions that have a publication date.
    expect((await list({ q: word, sort: "published" })).rows.map((row) => row.title[0])).toEqual(["c", "a"]);
    expect((await list({ q: word })).rows.map((row) => row.title[0])).toEqual(["b", "a", "c"]);

    const page1 = await list({ q: word, sort: "title" }, 2);
    expect(page1).toMatchObject({ hasNextPage: true, total: 3, totalIsCapped: false });
    const page2 = await list({ q: word, sort: "title", page: "2" }, 2);
    expect(page2.rows.map((row) => row.title[0])).toEqual(["c"]);
    expect(page2.hasNextPage).toBe(false);
  });
});
