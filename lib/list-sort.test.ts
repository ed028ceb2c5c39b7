// The URL's sort: only the page's columns, only asc/desc, each column's natural direction by default.
import { describe, expect, it } from "vitest";
import { nextSort, parseListSort, sortHref, sortQueryEntries } from "@/lib/list-sort";

const columns = { title: "asc", updated: "desc", published: "desc" } as const;

describe("parseListSort", () => {
  it("reads a column and a direction", () => {
    expect(parseListSort({ sort: "title", dir: "desc" }, columns, "updated")).toEqual({ sort: "title", dir: "desc" });
  });

  it("gives a column its natural direction when none is asked", () => {
    expect(parseListSort({ sort: "title" }, columns, "updated")).toEqual({ sort: "title", dir: "asc" });
    expect(parseListSort({}, columns, "updated")).toEqual({ sort: "updated", dir: "desc" });
  });

  it("refuses a column the page does not offer and a direction that is not one", () => {
    expect(parseListSort({ sort: "password_hash", dir: "sideways" }, columns, "updated")).toEqual({ sort: "updated", dir: "desc" });
    expect(parseListSort({ sort: ["title", "updated"], dir: ["asc"] }, columns, "updated")).toEqual({ sort: "title", dir: "asc" });
    expect(parseListSort({ sort: "constructor" }, columns, "updated")).toEqual({ sort: "updated", dir: "desc" });
  });
});

describe("nextSort", () => {
  it("flips the current column and opens another in its natural direction", () => {
    expect(nextSort({ sort: "title", dir: "asc" }, "title", columns)).toEqual({ sort: "title", dir: "desc" });
    expect(nextSort({ sort: "title", dir: "asc" }, "updated", columns)).toEqual({ sort: "updated", dir: "desc" });
  });
});

describe("sortQueryEntries", () => {
  it("leaves the default out and writes what differs", () => {
    expect(sortQueryEntries({ sort: "updated", dir: "desc" }, columns, "updated")).toEqual([]);
    expect(sortQueryEntries({ sort: "updated", dir: "asc" }, columns, "updated")).toEqual([
      ["sort", "updated"],
      ["dir", "asc"],
    ]);
    expect(sortQueryEntries({ sort: "title", dir: "asc" }, columns, "updated")).toEqual([["sort", "title"]]);
  });
});

describe("sortHref", () => {
  it("keeps the filters, drops the page, and leaves the default sort out of the URL", () => {
    const current = { sort: "updated", dir: "desc" } as const;
    expect(sortHref("/admin/tags", { q: "iran", type: "", page: "3" }, current, "title", columns, "updated")).toBe(
      "/admin/tags?q=iran&sort=title",
    );
    expect(sortHref("/admin/tags", { q: "iran" }, { sort: "title", dir: "asc" }, "title", columns, "updated")).toBe(
      "/admin/tags?q=iran&sort=title&dir=desc",
    );
    expect(sortHref("/admin/tags", {}, { sort: "updated", dir: "asc" }, "updated", columns, "updated")).toBe("/admin/tags");
  });

  it("ignores a column the list does not sort by", () => {
    expect(sortHref("/admin/tags", {}, { sort: "title", dir: "asc" }, "password", columns, "updated")).toBe("/admin/tags?sort=title");
  });
});
