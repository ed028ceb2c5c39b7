import { generateHTML } from "@tiptap/html/server";
import { describe, expect, it } from "vitest";
import { documentFromParagraphs } from "./document";
import { richTextExtensions } from "./extensions";
import { renderDocumentHtml } from "./render";

describe("renderDocumentHtml", () => {
  it("renders paragraphs and figures with their credit, escaping the text", () => {
    const html = renderDocumentHtml(
      documentFromParagraphs(
        ["Le <b>ministre</b> & l'ambassadeur."],
        [{ text: 'Photo <script>x</script> " onmouseover="alert(1)', credit: "VNA" }],
      ),
    );
    expect(html).toContain("<figure");
    expect(html).toContain('<span class="credit">VNA</span>');
    expect(html).toContain("Le &lt;b&gt;ministre&lt;/b&gt; &amp; l'ambassadeur.");
    // Text and attribute values are escaped: no element or attribute can be smuggled in.
    expect(html).toContain('<span class="caption">Photo &lt;script&gt;x&lt;/script&gt; " onmouseover="alert(1)</span>');
    expect(html).not.toMatch(/<figure[^>]* onmouseover=/);
  });

  it("renders nothing for a body that does not match the editor's schema", () => {
    expect(renderDocumentHtml({ type: "doc", content: [{ type: "script" }] })).toBe("");
    expect(renderDocumentHtml("<p>html</p>")).toBe("");
  });

  it("keeps http links and refuses a javascript: one", () => {
    const withLink = (href: string) => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "lien", marks: [{ type: "link", attrs: { href } }] }] }],
    });
    expect(renderDocumentHtml(withLink("https://example.org/a"))).toContain('href="https://example.org/a"');
    expect(renderDocumentHtml(withLink("javascript:alert(1)"))).toBe("");
  });

  it("writes what Tiptap's generateHTML writes, for every node and mark, call after call", () => {
    const text = (value: string, marks: { type: string; attrs?: Record<string, unknown> }[] = []) => ({ type: "text", text: value, marks });
    const body = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Titre")] },
        { type: "paragraph", content: [text("gras", [{ type: "bold" }]), text(" et "), text("italique", [{ type: "italic" }])] },
        { type: "paragraph", content: [text("un lien", [{ type: "link", attrs: { href: "https://example.org/?a=1&b=2" } }])] },
        { type: "blockquote", content: [{ type: "paragraph", content: [text("« Citation »")] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("un")] }] }] },
        { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("deux")] }] }] },
        ...documentFromParagraphs(["Texte."], [{ text: "Légende", credit: "VNA" }]).content!,
      ],
    };
    const expected = generateHTML(body, richTextExtensions);
    expect(expected).toContain("<blockquote");
    expect(renderDocumentHtml(body)).toBe(expected);
    expect(renderDocumentHtml(body)).toBe(expected);
  });
});
