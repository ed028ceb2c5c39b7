// Paste from Word or a web page goes through the editor's schema: whatever the HTML held, what
// comes out is only allowed nodes and marks, and links keep nothing but a checked address.
import { generateJSON } from "@tiptap/html/server";
import { describe, expect, it } from "vitest";
import { parseDocument } from "./document";
import { richTextExtensions } from "./extensions";
import { renderDocumentHtml } from "./render";

type JsonNode = { type?: string; content?: JsonNode[]; marks?: { type: string }[] };

function nodeTypes(node: JsonNode, into = new Set<string>()): Set<string> {
  if (node.type) into.add(node.type);
  for (const mark of node.marks ?? []) into.add(`mark:${mark.type}`);
  for (const child of node.content ?? []) nodeTypes(child, into);
  return into;
}

const ALLOWED = [
  "doc",
  "paragraph",
  "text",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "hardBreak",
  "figure",
  "mark:bold",
  "mark:italic",
  "mark:link",
  "mark:strike",
];

const WORD_AND_WEB_HTML = `
  <html><head><style>p { color: red }</style><script>alert(1)</script></head><body>
  <p class="MsoNormal" style="margin:0;font-family:Calibri"><span style="mso-bidi-font-weight:bold"><b>Hà Nội</b></span> (TG&amp;VN) - <i>Le ministre</i> a reçu.<o:p></o:p></p>
  <div class="ad"><iframe src="https://evil.example"></iframe><img src="x" onerror="alert(1)"></div>
  <table><tr><td>cellule</td></tr></table>
  <h2 class="title" style="font-size:40px">Intertitre</h2>
  <p><a href="javascript:alert(1)" onclick="steal()">piège</a> <a href="https://baoquocte.vn/x" class="c" target="_blank" rel="opener" title="t">source</a></p>
  <ul><li style="color:blue">point</li></ul>
  <figure caption="forged"><img src="p.jpg"><figcaption><span class="caption">Le ministre.</span> <span class="credit">VNA</span></figcaption></figure>
  <script>document.cookie</script>
  </body></html>`;

describe("paste sanitising", () => {
  const json = generateJSON(WORD_AND_WEB_HTML, richTextExtensions) as JsonNode;
  const serialized = JSON.stringify(json);

  it("keeps only allowed nodes and marks", () => {
    for (const type of nodeTypes(json)) expect(ALLOWED, type).toContain(type);
    expect(nodeTypes(json)).toContain("heading");
    expect(nodeTypes(json)).toContain("bulletList");
  });

  it("drops scripts, styles, classes, event handlers, frames and images, keeping the text", () => {
    expect(serialized).not.toMatch(
      /alert|cookie|MsoNormal|mso-|Calibri|color|onclick|onerror|iframe|evil\.example|p\.jpg|"c"|_blank|opener"|forged/,
    );
    for (const text of ["Hà Nội", "Le ministre", "cellule", "Intertitre", "point", "piège"]) expect(serialized).toContain(text);
  });

  it("keeps a checked link as its address only, and drops a javascript: one", () => {
    const links = [...serialized.matchAll(/"type":"link","attrs":(\{[^}]*\})/g)].map(
      (match) => JSON.parse(match[1]!) as Record<string, unknown>,
    );
    expect(links).toEqual([
      { href: "https://baoquocte.vn/x", target: null, rel: "noopener noreferrer nofollow", class: null, title: null },
    ]);
  });

  it("reads a figure's caption and credit from its figcaption", () => {
    expect(serialized).toMatch(/"type":"figure","attrs":\{[^}]*"caption":"Le ministre\."[^}]*"credit":"VNA"/);
  });

  it("produces a document the server's own validation accepts", () => {
    expect(parseDocument(json).ok).toBe(true);
  });

  it("parseDocument refuses unknown nodes and marks, and unsafe links", () => {
    expect(parseDocument({ type: "doc", content: [{ type: "table", content: [] }] }).ok).toBe(false);
    expect(
      parseDocument({
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "underline" }] }] }],
      }).ok,
    ).toBe(false);
    expect(
      parseDocument({
        type: "doc",
        content: [
          { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "data:text/html,x" } }] }] },
        ],
      }).ok,
    ).toBe(false);
  });

  it("never renders link attributes a browser slipped into the JSON, nor a <script> typed in a heading", () => {
    const html = renderDocumentHtml({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "<script>alert(1)</script>" }] },
        {
          type: "paragraph",
          content: [
            {
              type: "text",
              text: "lien",
              marks: [{ type: "link", attrs: { href: "https://a.example/", class: "x", target: "_blank", rel: "opener", title: "t" } }],
            },
          ],
        },
      ],
    });
    expect(html).toContain("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>");
    expect(html).toContain('<a rel="noopener noreferrer nofollow" href="https://a.example/">lien</a>');
  });
});
