// Public addresses: SITE_URL normalisation and the paths every page, feed and sitemap shares.
import { afterEach, describe, expect, it } from "vitest";
import { absoluteUrl, localeAlternates, paths, siteUrl } from "./site";

const original = process.env.SITE_URL;
afterEach(() => {
  if (original === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = original;
});

describe("site addresses", () => {
  it("defaults to localhost and drops a trailing slash or anything odd", () => {
    delete process.env.SITE_URL;
    expect(siteUrl()).toBe("http://localhost:3000");
    process.env.SITE_URL = "https://diplomatie.example.vn/";
    expect(absoluteUrl("/fr")).toBe("https://diplomatie.example.vn/fr");
    process.env.SITE_URL = "https://example.vn/news/?x=1#y";
    expect(absoluteUrl("fr")).toBe("https://example.vn/news/fr");
    process.env.SITE_URL = "not a url";
    expect(siteUrl()).toBe("http://localhost:3000");
  });

  it("builds the reader paths of each language", () => {
    expect(paths.search("fr")).toBe("/fr/recherche");
    expect(paths.search("en")).toBe("/en/search");
    expect(paths.article("fr", "a b")).toBe("/fr/article/a%20b");
    expect(paths.rss("en", "asean")).toBe("/en/feed.xml?tag=asean");
    expect(paths.atom("fr")).toBe("/fr/atom.xml");
    expect(localeAlternates(paths.search)).toEqual({ fr: "/fr/recherche", en: "/en/search", "x-default": "/fr/recherche" });
  });
});
