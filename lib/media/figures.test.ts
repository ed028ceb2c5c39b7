// A figure's `assetId` survives the server's validation of a body, renders as data-asset-id, and
// is found by figureAssetIds.
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/rich-text/document";
import { renderDocumentHtml } from "@/lib/rich-text/render";
import { figureAssetIds } from "./figures";

const body = {
  type: "doc",
  content: [
    { type: "paragraph", attrs: { blockId: "p1" }, content: [{ type: "text", text: "Texte." }] },
    { type: "figure", attrs: { blockId: "f1", caption: "Le ministre", credit: "VNA", assetId: "m0123abcd" } },
    { type: "figure", attrs: { blockId: "f2", caption: "Sans photo", credit: null } },
  ],
};

describe("figures with a library photo", () => {
  it("keeps assetId through validation and finds it", () => {
    const parsed = parseDocument(body);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(figureAssetIds(parsed.doc)).toEqual(["m0123abcd"]);
    expect(figureAssetIds({ type: "doc", content: [{ type: "paragraph" }] })).toEqual([]);
  });

  it("renders the asset id as a data attribute only", () => {
    const html = renderDocumentHtml(body);
    expect(html).toContain('data-asset-id="m0123abcd"');
    expect(html.match(/data-asset-id/g)).toHaveLength(1);
  });
});
