import { describe, expect, it } from "vitest";
import { documentFromParagraphs, parseDocument } from "./document";

describe("rich-text documents", () => {
  it("builds a valid document from imported paragraphs and captions", () => {
    const doc = documentFromParagraphs(["Premier paragraphe.", "Second."], [{ text: "Le ministre.", credit: "VNA" }]);
    const parsed = parseDocument(doc);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.text).toBe("Le ministre. VNA\nPremier paragraphe.\nSecond.");
  });

  it("refuses unknown node types and attributes smuggled as HTML", () => {
    expect(parseDocument({ type: "doc", content: [{ type: "script", content: [{ type: "text", text: "x" }] }] }).ok).toBe(false);
    expect(parseDocument({ type: "paragraph" }).ok).toBe(false);
    expect(parseDocument("<p>html</p>").ok).toBe(false);
  });

  it("refuses javascript: and data: links, keeps http(s) ones", () => {
    const withLink = (href: string) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "lien", marks: [{ type: "link", attrs: { href } }] }] }],
    });
    expect(parseDocument(withLink("javascript:alert(1)")).ok).toBe(false);
    expect(parseDocument(withLink("data:text/html,<script>")).ok).toBe(false);
    expect(parseDocument(withLink("https://baoquocte.vn/article")).ok).toBe(true);
  });
});
