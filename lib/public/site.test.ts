// Public addresses: SITE_URL normalisation and the paths every page, feed and sitemap shares.
import { afterEach, describe, expect, it } from "vitest";
import { absoluteUrl, localeAlternates, missingSiteUrlWarning, paths, siteUrl, siteUrlForPort } from "./site";

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

  it("a local server's site URL follows its port unless SITE_URL names the public origin", () => {
    expect(siteUrlForPort({}, 3100)).toBe("http://localhost:3100");
    expect(siteUrlForPort({ SITE_URL: "  " }, 3100)).toBe("http://localhost:3100");
    expect(siteUrlForPort({ SITE_URL: "https://diplomatie.example.vn" }, 3100)).toBe("https://diplomatie.example.vn");
  });

  it("a production server without a usable SITE_URL is warned, naming the address its links will carry", () => {
    expect(missingSiteUrlWarning({ NODE_ENV: "production" })).toMatch(/SITE_URL.*http:\/\/localhost:3000/);
    expect(missingSiteUrlWarning({ NODE_ENV: "production", SITE_URL: "not a url" })).toMatch(/SITE_URL/);
    expect(missingSiteUrlWarning({ NODE_ENV: "production", SITE_URL: "https://diplomatie.example.vn" })).toBeNull();
    expect(missingSiteUrlWarning({ NODE_ENV: "development" })).toBeNull();
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
