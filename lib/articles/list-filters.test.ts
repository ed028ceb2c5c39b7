// The list's URL filters: odd values fall back to defaults, and a query string round-trips.
import { describe, expect, it } from "vitest";
import { articleListQuery, dayBounds, parseArticleListFilters } from "@/lib/articles/list-filters";

describe("parseArticleListFilters", () => {
  it("reads every filter", () => {
    const filters = parseArticleListFilters({
      q: " hanoi ",
      status: "APPROVED",
      language: "en",
      tag: "t1",
      author: "u1",
      from: "2026-01-01",
      to: "2026-02-01",
      dateField: "published",
      missing: "1",
      sort: "title",
      page: "3",
    });
    expect(filters).toEqual({
      q: "hanoi",
      status: "APPROVED",
      language: "en",
      tagId: "t1",
      authorId: "u1",
      from: "2026-01-01",
      to: "2026-02-01",
      dateField: "published",
      missingTranslation: true,
      sort: "title",
      dir: "asc",
      page: 3,
    });
  });

  it("ignores what it does not understand", () => {
    const filters = parseArticleListFilters({
      status: "DELETED",
      language: "french",
      tag: "x'; drop",
      from: "yesterday",
      to: "2026-13-45",
      sort: "random",
      page: "-1",
      missing: "yes",
      dateField: "created",
    });
    expect(filters).toEqual({
      q: null,
      status: null,
      language: null,
      tagId: null,
      authorId: null,
      from: null,
      to: null,
      dateField: "updated",
      missingTranslation: false,
      sort: "updated",
      dir: "desc",
      page: 1,
    });
  });

  it("round-trips through the query string, leaving defaults out", () => {
    const filters = parseArticleListFilters({ q: "thủ tướng & co", status: "DRAFT", missing: "1", page: "2" });
    const query = articleListQuery(filters);
    expect(parseArticleListFilters(Object.fromEntries(new URLSearchParams(query.slice(1))))).toEqual(filters);
    expect(articleListQuery(filters, { page: 1 })).not.toContain("page=");
    expect(articleListQuery(parseArticleListFilters({}))).toBe("");
  });

  it("keeps a reversed sort in the URL and drops a sort it does not offer", () => {
    const reversed = parseArticleListFilters({ sort: "title", dir: "desc", q: "x" });
    expect(articleListQuery(reversed)).toBe("?q=x&sort=title&dir=desc");
    expect(parseArticleListFilters({ sort: "author_password", dir: "up" })).toMatchObject({ sort: "updated", dir: "desc" });
  });

  it("makes the day range inclusive", () => {
    expect(dayBounds({ from: "2026-11-01", to: "2026-11-01" })).toEqual({
      start: new Date("2026-11-01T00:00:00Z"),
      endExclusive: new Date("2026-11-02T00:00:00Z"),
    });
  });
});
