// Pictures go into rendered figures that name a known photo, with escaped alt text; others are untouched.
import { describe, expect, it } from "vitest";
import { renderDocumentHtml } from "@/lib/rich-text/render";
import { addFigureImages, figureAssetIdsInHtml } from "./figure-html";
import type { ResponsiveImageData } from "./queries";

const image: ResponsiveImageData = {
  assetId: "mabc123",
  width: 800,
  height: 533,
  alt: 'Le "ministre" <b>& son hôte',
  caption: "",
  credit: null,
  sources: {
    avif: [
      { url: "/media/mabc123/w400-aa.avif", width: 400 },
      { url: "/media/mabc123/w800-bb.avif", width: 800 },
    ],
    webp: [
      { url: "/media/mabc123/w400-cc.webp", width: 400 },
      { url: "/media/mabc123/w800-dd.webp", width: 800 },
    ],
  },
  fallback: { url: "/media/mabc123/w800-dd.webp", width: 800, height: 533 },
  shareImage: { url: "/media/mabc123/w800-dd.webp", width: 800, height: 533 },
};

describe("addFigureImages", () => {
  it("adds a picture to figures showing a known photo, escaping the alt text", () => {
    const html = renderDocumentHtml({
      type: "doc",
      content: [
        { type: "figure", attrs: { blockId: "f1", caption: "Légende", credit: "VNA", assetId: "mabc123" } },
        { type: "figure", attrs: { blockId: "f2", caption: "Autre", credit: null, assetId: "mgone" } },
        { type: "figure", attrs: { blockId: "f3", caption: "Sans photo", credit: null } },
      ],
    });
    expect(figureAssetIdsInHtml(html)).toEqual(["mabc123", "mgone"]);
    const out = addFigureImages(html, new Map([["mabc123", image]]));
    expect(out.match(/<picture>/g)).toHaveLength(1);
    expect(out).toContain('srcset="/media/mabc123/w400-aa.avif 400w, /media/mabc123/w800-bb.avif 800w"');
    expect(out).toContain('width="800" height="533" alt="Le &quot;ministre&quot; &lt;b&gt;&amp; son hôte"');
    expect(out).not.toContain("<b>");
    expect(out.indexOf("<picture>")).toBeLessThan(out.indexOf("Légende"));
  });
});
