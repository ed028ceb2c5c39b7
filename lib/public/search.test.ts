// Reader search against the real database: accents and stemming, ranking, highlighted and escaped
// snippets, filters, pagination, the stored vector and its partial GIN index, and queries that must
// never fail.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HIGHLIGHT_START, HIGHLIGHT_STOP, highlightToHtml, parseHighlight, segmentsToHtml } from "./highlight";
import { MAX_QUERY_LENGTH, normalizeSearchQuery, parseYear, searchArticles, searchSql, SNIPPET_SOURCE_LENGTH } from "./search";
import { createStory, createTag, uniqueWord } from "@/test/fixtures/public";

const HOUR = 60 * 60 * 1000;
const text = (segments: { text: string }[] | null) => (segments ?? []).map((segment) => segment.text).join("");
const marked = (segments: { text: string; match: boolean }[] | null) =>
  (segments ?? []).filter((segment) => segment.match).map((segment) => segment.text);

describe("search", () => {
  it("finds « élèves … musées » for `eleve musee`, in French only", async () => {
    const word = uniqueWord();
    const { articleId } = await createStory([
      { language: "fr", title: `Visite ${word}`, paragraphs: [`Les élèves de Hanoï ont visité trois musées de la capitale ${word}.`] },
    ]);
    const result = await searchArticles("fr", { query: "eleve musee" });
    const hit = result.hits.find((item) => item.articleId === articleId);
    expect(hit).toBeDefined();
    expect(marked(hit!.snippet)).toEqual(expect.arrayContaining(["élèves", "musées"]));
    expect((await searchArticles("en", { query: "eleve musee" })).hits.some((item) => item.articleId === articleId)).toBe(false);
  });

  it("stems English: `museum student` finds « students … museums »", async () => {
    const word = uniqueWord();
    const { articleId } = await createStory([
      { language: "en", title: `Visit ${word}`, paragraphs: [`Students from Hanoi visited three museums ${word}.`] },
    ]);
    const result = await searchArticles("en", { query: `museum student ${word}` });
    expect(result.hits.map((hit) => hit.articleId)).toEqual([articleId]);
  });

  it("ranks a match in the title above one in the standfirst above one in the body", async () => {
    const word = uniqueWord();
    const body = await createStory([
      {
        language: "fr",
        title: "Rencontre bilatérale",
        paragraphs: [`Le texte parle de ${word} une fois.`],
        publishedAt: new Date(Date.now() - HOUR),
      },
    ]);
    const title = await createStory([
      { language: "fr", title: `Le ${word} à Paris`, paragraphs: ["Rien d'autre."], publishedAt: new Date(Date.now() - 3 * HOUR) },
    ]);
    const standfirst = await createStory([
      {
        language: "fr",
        title: "Coopération",
        standfirst: `Chapeau sur ${word}.`,
        paragraphs: ["Corps."],
        publishedAt: new Date(Date.now() - 2 * HOUR),
      },
    ]);
    const result = await searchArticles("fr", { query: word });
    expect(result.hits.map((hit) => hit.articleId)).toEqual([title.articleId, standfirst.articleId, body.articleId]);
    expect(marked(result.hits[0]!.titleHighlight)).toEqual([word]);
  });

  it("escapes the article's text in snippets and ignores marker characters inside it", async () => {
    const word = uniqueWord();
    const hostile = `${word} <script>alert("x")</script> <img src=x onerror=alert(1)> ${HIGHLIGHT_START}faux${HIGHLIGHT_STOP} &`;
    const { articleId } = await createStory([{ language: "fr", title: `Titre <b>${word}</b>`, paragraphs: [hostile] }]);
    const [hit] = (await searchArticles("fr", { query: word })).hits;
    expect(hit?.articleId).toBe(articleId);
    expect(marked(hit!.snippet)).toEqual([word]);
    expect(text(hit!.snippet)).toContain("<img src=x onerror=alert(1)>");
    const html = segmentsToHtml(hit!.snippet!);
    expect(html).toContain(`<mark>${word}</mark>`);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/<(?!\/?mark>)/);
    const built = highlightToHtml(`${HIGHLIGHT_START}<b>${HIGHLIGHT_STOP} <script>alert(1)</script> ${HIGHLIGHT_START}x`);
    expect(built).toBe("<mark>&lt;b&gt;</mark> &lt;script&gt;alert(1)&lt;/script&gt; x");
    expect(marked(hit!.titleHighlight)).toEqual([word]);
    expect(text(hit!.titleHighlight)).toBe(`Titre <b>${word}</b>`);
  });

  it("filters by tag and by year, and pages in SQL", async () => {
    const word = uniqueWord();
    const tag = await createTag({ fr: "Sommet" });
    const lastYear = new Date(Date.UTC(new Date().getUTCFullYear() - 1, 5, 15));
    for (let i = 0; i < 12; i++) {
      await createStory(
        [{ language: "fr", title: `Dépêche ${i} ${word}`, publishedAt: i === 0 ? lastYear : new Date(Date.now() - (i + 1) * HOUR) }],
        { tagIds: i < 3 ? [tag.id] : [] },
      );
    }
    const first = await searchArticles("fr", { query: word });
    expect(first.total).toBe(12);
    expect(first.hits).toHaveLength(10);
    expect(first.pageCount).toBe(2);
    const second = await searchArticles("fr", { query: word, page: 2 });
    expect(second.hits).toHaveLength(2);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.id)).size).toBe(12);
    const beyond = await searchArticles("fr", { query: word, page: 9 });
    expect(beyond).toMatchObject({ hits: [], total: 12 });
    expect((await searchArticles("fr", { query: word, tagId: tag.id })).total).toBe(3);
    expect((await searchArticles("fr", { query: null, tagId: tag.id })).total).toBe(3);
    expect((await searchArticles("fr", { query: word, year: lastYear.getUTCFullYear() })).hits.map((hit) => hit.title)).toEqual([
      `Dépêche 0 ${word}`,
    ]);
  });

  it("can use the partial GIN index on the stored vector of the language", async () => {
    // On a tiny test table any index on `language` is cheaper; the question is whether the search
    // statement matches the GIN index's column and predicate. So, inside a transaction that is
    // rolled back, the table's other indexes are dropped and sequential scans disallowed.
    const planOf = async (language: "fr" | "en", query: string) => {
      let plan = "";
      await db
        .$transaction(async (tx) => {
          const others = await tx.$queryRaw<{ indexname: string }[]>`
            SELECT indexname FROM pg_indexes
             WHERE tablename = 'article_versions' AND indexname NOT LIKE 'article_versions_search_vector_%' AND indexname <> 'article_versions_pkey'`;
          for (const { indexname } of others) await tx.$executeRawUnsafe(`DROP INDEX "${indexname}"`);
          await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
          const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${searchSql(language, { query }, 1)}`);
          plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
          throw new Error("rollback");
        })
        .catch((error: unknown) => {
          if (!(error instanceof Error) || error.message !== "rollback") throw error;
        });
      return plan;
    };
    // The index must answer the @@ condition itself (an Index Cond), not merely `language = …`.
    expect(await planOf("fr", "eleve musee")).toMatch(
      /Bitmap Index Scan on article_versions_search_vector_fr_idx.*\n\s+Index Cond: \(search_vector @@ '''elev'' & ''muse'''::tsquery\)/,
    );
    expect(await planOf("en", "museum")).toMatch(
      /Bitmap Index Scan on article_versions_search_vector_en_idx.*\n\s+Index Cond: \(search_vector @@ '''museum'''::tsquery\)/,
    );
  });

  it("matches and ranks on the stored vector, never recomputing one per row", async () => {
    const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(
      Prisma.sql`EXPLAIN VERBOSE ${searchSql("fr", { query: "diplomatie economique" }, 2)}`,
    );
    const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
    expect(plan).toMatch(/(Filter|Cond): .*search_vector @@ '''diplomat'' & ''econom'''/);
    expect(plan).toMatch(/ts_rank_cd\((\w+\.)?search_vector, '''diplomat'' & ''econom'''/);
    expect(plan).not.toMatch(/to_tsvector|article_search_vector/);
  });

  it("keeps the stored vector in the version's language and up to date when the text changes", async () => {
    const before = uniqueWord();
    const after = uniqueWord();
    const { articleId, versions } = await createStory([
      { language: "fr", title: `Élèves ${before}`, paragraphs: ["Les musées."] },
      { language: "en", title: `Students ${before}`, paragraphs: ["The museums."] },
    ]);
    const vectors = await db.$queryRaw<{ language: string; stored: boolean }[]>`
      SELECT language, search_vector = CASE language WHEN 'fr' THEN article_search_vector('french_unaccent', title, standfirst, body_text)
                                                     ELSE article_search_vector('english_unaccent', title, standfirst, body_text) END AS stored
        FROM article_versions WHERE article_id = ${articleId} ORDER BY language`;
    expect(vectors).toEqual([
      { language: "en", stored: true },
      { language: "fr", stored: true },
    ]);
    await db.articleVersion.update({
      where: { id: versions.find((version) => version.language === "fr")!.id },
      data: { title: `Élèves ${after}` },
    });
    expect((await searchArticles("fr", { query: after })).hits.map((hit) => hit.articleId)).toEqual([articleId]);
    expect((await searchArticles("fr", { query: before })).hits).toEqual([]);
    expect((await searchArticles("en", { query: before })).hits.map((hit) => hit.articleId)).toEqual([articleId]);
  });

  it("makes the snippet from the standfirst and the body's beginning only", async () => {
    const word = uniqueWord();
    const late = uniqueWord();
    const filler = "Les ministres ont parlé de coopération régionale et de commerce. ".repeat(80);
    const { articleId } = await createStory([
      { language: "fr", title: `Long ${word}`, standfirst: `Chapeau ${word}.`, paragraphs: [filler, `Fin ${late} ${word}.`] },
    ]);
    const [hit] = (await searchArticles("fr", { query: `${word} ${late}` })).hits;
    expect(hit?.articleId).toBe(articleId);
    expect(marked(hit!.snippet)).toContain(word);
    expect(marked(hit!.snippet)).not.toContain(late);
    expect(text(hit!.snippet).length).toBeLessThan(SNIPPET_SOURCE_LENGTH);
  });

  it("answers odd and hostile queries without an error", async () => {
    const queries = [
      '"unbalanced quote',
      "-",
      "!!! & | :* <-> ()",
      "' OR 1=1; DROP TABLE article_versions; --",
      "a".repeat(2000),
      "élève ".repeat(500),
      "\u0000nul\u0000",
      "\uD800 lone surrogate",
      "le la les de", // stop words only: an empty tsquery
      "🙂 ☃",
    ];
    for (const raw of queries) {
      const query = normalizeSearchQuery(raw);
      await expect(searchArticles("fr", { query, page: 1 }), raw.slice(0, 30)).resolves.toMatchObject({ hits: expect.any(Array) });
      await expect(searchArticles("en", { query, page: 3 })).resolves.toMatchObject({ hits: expect.any(Array) });
    }
    expect(await db.articleVersion.count()).toBeGreaterThan(0);
  });
});

describe("normalizeSearchQuery", () => {
  it("keeps one trimmed string, strips control and marker characters, caps the length", () => {
    expect(normalizeSearchQuery(["  eleve   musee ", "other"])).toBe("eleve musee");
    expect(normalizeSearchQuery(`a\u0000b${HIGHLIGHT_START}c\tz`)).toBe("a b c z");
    expect(normalizeSearchQuery("x".repeat(5000))).toHaveLength(MAX_QUERY_LENGTH);
    expect(normalizeSearchQuery("   ")).toBeNull();
    expect(normalizeSearchQuery(undefined)).toBeNull();
  });

  it("reads a year only when it is a plausible one", () => {
    expect(parseYear("2026")).toBe(2026);
    expect(parseYear(["2025", "2024"])).toBe(2025);
    for (const bad of ["", "abc", "20.5", "-3", "99999", undefined]) expect(parseYear(bad)).toBeNull();
  });

  it("parses highlight markers into segments", () => {
    expect(parseHighlight(`a ${HIGHLIGHT_START}b${HIGHLIGHT_STOP} c`)).toEqual([
      { text: "a ", match: false },
      { text: "b", match: true },
      { text: " c", match: false },
    ]);
  });
});
