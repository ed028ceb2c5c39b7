// Feeds and sitemaps are well-formed XML whatever the articles say (strict parser), and carry
// what readers and crawlers need.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, serializeJsonLd } from "./json-ld";
import { buildAtom, buildNewsSitemap, buildRss, buildSitemap, escapeXml, type FeedChannel } from "./xml";

const hostile = `Titre <script>alert("x")</script> & 'quotes' ]]> \u0001\u0008 \uFFFF \uD800 fin`;

const channel: FeedChannel = {
  title: "Diplomatie & co",
  description: "Les <derniers> articles",
  link: "https://example.vn/fr",
  selfUrl: "https://example.vn/fr/feed.xml?tag=a&b",
  language: "fr",
  entries: [
    {
      title: hostile,
      url: "https://example.vn/fr/article/a?x=1&y=2",
      summary: hostile,
      publishedAt: "2026-11-22T08:00:00.000Z",
      updatedAt: "2026-11-23T08:00:00.000Z",
      categories: ["Asie & Pacifique", hostile],
    },
    {
      title: "Deuxième",
      url: "https://example.vn/fr/article/b",
      summary: "",
      publishedAt: "2026-11-21T08:00:00.000Z",
      updatedAt: "2026-11-21T08:00:00.000Z",
      categories: [],
    },
  ],
};

function parse(xml: string) {
  expect(XMLValidator.validate(xml, { allowBooleanAttributes: false })).toBe(true);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml);
}

describe("XML documents", () => {
  it("escapes text and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">&'</a>\u0000\u001F`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  });

  it("builds a valid RSS 2.0 feed", () => {
    const rss = parse(buildRss(channel)).rss;
    expect(rss["@version"]).toBe("2.0");
    expect(rss.channel.item).toHaveLength(2);
    expect(rss.channel.item[0].title).toContain('<script>alert("x")</script>');
    expect(rss.channel.item[0].pubDate).toBe("Sun, 22 Nov 2026 08:00:00 GMT");
    expect(rss.channel["atom:link"]["@href"]).toBe("https://example.vn/fr/feed.xml?tag=a&b");
  });

  it("builds a valid Atom 1.0 feed", () => {
    const feed = parse(buildAtom(channel)).feed;
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed["@xml:lang"]).toBe("fr");
    expect(feed.updated).toBe("2026-11-23T08:00:00.000Z");
    expect(feed.entry).toHaveLength(2);
    expect(feed.entry[0].id).toBe("https://example.vn/fr/article/a?x=1&y=2");
  });

  it("builds a valid sitemap with hreflang alternates and x-default", () => {
    const xml = buildSitemap([
      {
        url: "https://example.vn/fr/article/a",
        lastModified: "2026-11-23T08:00:00.000Z",
        alternates: {
          fr: "https://example.vn/fr/article/a",
          en: "https://example.vn/en/article/b",
          "x-default": "https://example.vn/fr/article/a",
        },
      },
    ]);
    const set = parse(xml).urlset;
    expect(set["@xmlns:xhtml"]).toBe("http://www.w3.org/1999/xhtml");
    expect(set.url["xhtml:link"].map((link: Record<string, string>) => link["@hreflang"])).toEqual(["fr", "en", "x-default"]);
  });

  it("builds a valid news sitemap", () => {
    const xml = buildNewsSitemap([
      {
        url: "https://example.vn/en/article/a",
        title: hostile,
        language: "en",
        publishedAt: "2026-11-23T08:00:00.000Z",
        publication: "Vietnam & Diplomacy",
      },
    ]);
    const news = parse(xml).urlset.url["news:news"];
    expect(news["news:publication"]["news:name"]).toBe("Vietnam & Diplomacy");
    expect(news["news:publication_date"]).toBe("2026-11-23T08:00:00.000Z");
  });
});

describe("JSON-LD", () => {
  it("links an original to its translations and a translation to its original", () => {
    const base = {
      url: "https://example.vn/fr/article/a",
      headline: "Titre",
      description: null,
      sourceLanguage: "fr",
      publishedAt: "2026-11-22T08:00:00.000Z",
      modifiedAt: "2026-11-23T08:00:00.000Z",
      sourceAgency: "VNA",
      siteName: "Diplomatie",
      siteUrl: "https://example.vn",
      keywords: [],
    };
    const original = newsArticleJsonLd({
      ...base,
      language: "fr",
      translations: [{ language: "en", url: "https://example.vn/en/article/b", headline: "Title" }],
    });
    expect(original).toMatchObject({
      "@type": "NewsArticle",
      inLanguage: "fr",
      datePublished: base.publishedAt,
      dateModified: base.modifiedAt,
      workTranslation: [{ inLanguage: "en" }],
    });
    expect(original).not.toHaveProperty("translationOfWork");
    const translation = newsArticleJsonLd({
      ...base,
      url: "https://example.vn/en/article/b",
      language: "en",
      translations: [{ language: "fr", url: base.url, headline: "Titre" }],
    });
    expect(translation).toMatchObject({ inLanguage: "en", translationOfWork: { "@id": base.url, inLanguage: "fr" } });
    expect(translation).not.toHaveProperty("workTranslation");
  });

  it("cannot close its script element", () => {
    const json = serializeJsonLd({ headline: "</script><script>alert(1)</script> & \u2028" });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ headline: "</script><script>alert(1)</script> & \u2028" });
  });
});
