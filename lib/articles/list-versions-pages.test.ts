// Deep pages of the admin list (deferred join): every page of every sort holds exactly the rows
// a plain ORDER BY ... OFFSET over the whole rows gives, and the page's ids come from an index in
// the sort order. The rows live in a language code no other test uses, so the filters see only them.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type ArticleListFilters, parseArticleListFilters } from "@/lib/articles/list-filters";
import { adminListStatements, listAdminArticleVersions } from "@/lib/articles/list-versions";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { makeUser } from "@/test/fixtures/workflow";

const STORIES = 90;
const PAGE_SIZE = 7;
let language = "";
let authorId = "";

/** A two-letter code with no versions yet (the list's language filter accepts any [a-z]{2}). */
async function unusedLanguage(): Promise<string> {
  for (;;) {
    const letters = "abcdghjkmpqrstwxyz";
    const code = Array.from({ length: 2 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
    if ((await db.articleVersion.count({ where: { language: code } })) === 0) return code;
  }
}

beforeAll(async () => {
  language = await unusedLanguage();
  authorId = (await makeUser("EDITOR")).id;
  const prefix = randomUUID().slice(0, 8);
  const articles = Array.from({ length: STORIES }, (_, n) => ({
    id: `${prefix}-a${n}`,
    sourceLanguage: language,
    createdById: n % 3 === 0 ? authorId : null,
  }));
  await db.article.createMany({ data: articles });
  // Few distinct dates and titles, so most rows tie on the sort key and only the id orders them.
  await db.articleVersion.createMany({
    data: articles.map((article, n) => ({
      id: `${prefix}-v${(n * 37) % STORIES}`,
      articleId: article.id,
      language,
      status: n % 4 === 0 ? "DRAFT" : "PUBLISHED",
      title: `Titre ${n % 6}`,
      slug: `${prefix}-${n}`,
      bodyJson: { type: "doc", content: [] },
      publishedAt: n % 4 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (n % 5))),
    })),
  });
  await db.$executeRaw`UPDATE article_versions SET updated_at = timestamp '2026-02-01' + (abs(hashtext(id)) % 4) * interval '1 hour' WHERE language = ${language}`;
});

/** The reference: the whole filtered list in one plain ORDER BY, no deferred join. */
async function referenceRows(filters: ArticleListFilters) {
  const { sql, join } = Prisma;
  const where = [sql`v.language = ${language}`];
  if (filters.status) where.push(sql`v.status = ${filters.status}::"VersionStatus"`);
  if (filters.authorId) where.push(sql`(a.created_by_id = ${filters.authorId} OR v.updated_by_id = ${filters.authorId})`);
  if (filters.sort === "published") where.push(sql`v.published_at IS NOT NULL`);
  const order =
    filters.sort === "title"
      ? sql`v.title ASC, v.id ASC`
      : filters.sort === "published"
        ? sql`v.published_at DESC, v.id ASC`
        : sql`v.updated_at DESC, v.id ASC`;
  return db.$queryRaw<{ id: string; title: string; authorName: string | null }[]>`
    SELECT v.id, v.title, u.name AS "authorName" FROM article_versions v JOIN articles a ON a.id = v.article_id LEFT JOIN users u ON u.id = a.created_by_id
     WHERE ${join(where, " AND ")} ORDER BY ${order}`;
}

/** The plan lines below the page's LIMIT (the OFFSET over the ids): the part that must not sort. */
function underLimit(lines: string[]): string {
  const start = lines.findIndex((line) => /->\s+Limit/.test(line));
  if (start < 0) return "no limit node";
  const indent = (line: string) => line.search(/\S/);
  const children: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (indent(line) <= indent(lines[start]!)) break;
    children.push(line);
  }
  return children.join("\n");
}

const filterSets = ["updated", "published", "title"].flatMap((sort) => [{ sort }, { sort, status: "PUBLISHED" }, { sort, author: "me" }]);

describe("admin list pages", () => {
  it.each(filterSets)("page N holds the rows of a plain OFFSET over the whole list (%o)", async (params) => {
    const base = parseArticleListFilters({ ...params, language, author: params.author ? authorId : undefined });
    const expected = await referenceRows(base);
    expect(expected.length).toBeGreaterThan(2 * PAGE_SIZE);
    const pages = Math.ceil(expected.length / PAGE_SIZE);
    for (let page = 1; page <= pages + 1; page++) {
      const result = await listAdminArticleVersions({ ...base, page }, PAGE_SIZE);
      const shown = result.rows.map((row) => ({ id: row.id, title: row.title, authorName: row.authorName }));
      expect(shown, `page ${page}`).toEqual(expected.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE));
      expect(result.hasNextPage, `page ${page}`).toBe(page < pages);
      expect(result.total).toBe(expected.length);
    }
  });

  it("takes the page's ids from an index in the sort order, for each sort, with and without filters", async () => {
    await db.$executeRawUnsafe("VACUUM ANALYZE article_versions");
    const cases: [Record<string, string>, string][] = [
      [{ language, status: "PUBLISHED" }, "article_versions_language_status_updated_at_id_idx"],
      [{ language, status: "PUBLISHED", sort: "published" }, "article_versions_language_status_published_at_id_idx"],
      [{ language, status: "PUBLISHED", sort: "title" }, "article_versions_language_status_title_id_idx"],
      [{}, "article_versions_updated_at_id_idx"],
      [{ sort: "published" }, "article_versions_published_at_id_idx"],
      [{ sort: "title" }, "article_versions_title_id_idx"],
      // A header clicked twice reads the same index backwards (key and id both reversed).
      [{ language, status: "PUBLISHED", sort: "title", dir: "desc" }, "article_versions_language_status_title_id_idx"],
      [{ sort: "updated", dir: "asc" }, "article_versions_updated_at_id_idx"],
      [{ sort: "published", dir: "asc" }, "article_versions_published_at_id_idx"],
    ];
    for (const [params, index] of cases) {
      const statement = adminListStatements(parseArticleListFilters({ ...params, page: "3" })).rows;
      // The test database is small enough for a full scan and a sort to cost less than any index;
      // with those priced out, only an index that yields the sort order avoids a sort of the ids.
      const plan = await db.$transaction(async (tx) => {
        for (const setting of ["enable_seqscan", "enable_bitmapscan", "enable_sort"])
          await tx.$executeRawUnsafe(`SET LOCAL ${setting} = off`);
        return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${statement.text}`, ...statement.values);
      });
      const lines = plan.map((row) => row["QUERY PLAN"]);
      const text = lines.join("\n");
      expect(text, JSON.stringify(params)).toMatch(new RegExp(`Index Only Scan (Backward )?using ${index} on article_versions`));
      expect(underLimit(lines), text).not.toMatch(/Sort/);
    }
  });
});
