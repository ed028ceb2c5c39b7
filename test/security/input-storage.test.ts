// Hostile input on the storage side: rich-text bodies are refused or reduced to what the editor can
// produce and rendered as text, XLIFF with a DTD (entity expansion, external entities) is refused,
// SQL-looking text is stored as text, oversized fields get a field error, and path traversal never
// reaches the media storage. The rendering side is e2e/security-xss.spec.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Window } from "happy-dom";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { versionFieldsSchema } from "@/lib/editing/schema";
import { figureAssetIdsInHtml } from "@/lib/media/figure-html";
import { uploadMedia } from "@/lib/media/service";
import { createDiskStorage, isValidMediaKey } from "@/lib/media/storage";
import { searchArticles } from "@/lib/public/search";
import { parseDocument } from "@/lib/rich-text/document";
import { renderDocumentHtml } from "@/lib/rich-text/render";
import { tagFieldsSchema } from "@/lib/tags/schema";
import { createTag } from "@/lib/tags/service";
import { glossaryTermSchema } from "@/lib/translations/schema";
import { parseXliff } from "@/lib/translations/xliff";
import { userCreateSchema } from "@/lib/users/schema";
import { commentSchema } from "@/lib/workflow/schema";

const XSS_PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg onload=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
];

const window = new Window();
afterAll(() => window.close());

/** What a browser would build from the HTML: elements and attributes, never strings. */
function parseHtml(html: string) {
  const container = window.document.createElement("div");
  container.innerHTML = html;
  const elements = [...container.querySelectorAll("*")];
  return {
    tags: new Set(elements.map((element) => element.tagName.toLowerCase())),
    handlers: elements.flatMap((element) =>
      [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((attribute) => attribute.name),
    ),
    hrefs: elements.map((element) => element.getAttribute("href")).filter((href): href is string => href !== null),
    text: container.textContent ?? "",
  };
}

function expectInert(html: string) {
  const parsed = parseHtml(html);
  for (const tag of ["script", "img", "svg", "iframe", "object", "embed", "style"])
    expect(parsed.tags.has(tag), `<${tag}> in ${html}`).toBe(false);
  expect(parsed.handlers).toEqual([]);
  for (const href of parsed.hrefs) expect(href).toMatch(/^(https?:|mailto:)/);
  return parsed;
}

const paragraph = (content: unknown[], attrs: Record<string, unknown> = {}) => ({ type: "paragraph", attrs, content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: "doc", content });
const link = (href: string) => [{ type: "link", attrs: { href } }];

describe("rich-text bodies", () => {
  it("refuses node types the editor does not have", () => {
    for (const type of ["script", "iframe", "html", "image", "codeBlock", "rawHtml"]) {
      expect(parseDocument(doc({ type, attrs: { src: "javascript:alert(1)" }, content: [text("x")] })).ok, type).toBe(false);
    }
    expect(parseDocument({ type: "paragraph", content: [text("not a doc")] }).ok).toBe(false);
    expect(parseDocument("<p>html</p>").ok).toBe(false);
  });

  it("refuses links that are not http(s) or mailto, however they are spelled", () => {
    for (const href of [
      "javascript:alert(1)",
      " javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java\tscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example",
      "/relative",
    ]) {
      expect(parseDocument(doc(paragraph([text("click", link(href))]))).ok, href).toBe(false);
    }
    expect(parseDocument(doc(paragraph([text("ok", link("https://example.org/a?b=c"))]))).ok).toBe(true);
  });

  it("drops event attributes and renders a hostile href, caption, credit and ids as inert text", () => {
    const hostile = doc(
      paragraph(
        [
          text("Hello", [
            { type: "link", attrs: { href: 'https://example.org/"onmouseover="alert(1)', onclick: "alert(1)", target: "_blank" } },
          ]),
        ],
        { onclick: "alert(1)", blockId: '"><script>alert(1)</script>' },
      ),
      {
        type: "figure",
        attrs: {
          caption: '<img src=x onerror=alert(1)><b onmouseover="alert(1)">x</b>',
          credit: "<script>alert(1)</script>",
          assetId: 'x" onmouseover="alert(1)',
          onload: "alert(1)",
        },
      },
      { type: "heading", attrs: { level: 2, style: "background:url(javascript:alert(1))" }, content: [text(XSS_PAYLOADS.join(" "))] },
      paragraph(XSS_PAYLOADS.map((payload) => text(payload))),
    );
    const parsed = parseDocument(hostile);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Attributes the schema does not declare are dropped; a link's declared target/class/title stay
    // in the JSON sent, but their renderers are fixed, so they never reach the HTML (below).
    expect(JSON.stringify(parsed.doc)).not.toMatch(/"on(click|load|mouseover)"|"style"/);

    const html = renderDocumentHtml(hostile);
    const rendered = expectInert(html);
    for (const payload of XSS_PAYLOADS) expect(rendered.text).toContain(payload);
    expect(rendered.text).toContain("<img src=x onerror=alert(1)>");
    expect(rendered.hrefs).toEqual(['https://example.org/"onmouseover="alert(1)']);
    expect(html).not.toMatch(/\starget=/);
    // The figure's asset id never becomes a photo lookup unless it is a plain id.
    expect(figureAssetIdsInHtml(html)).toEqual([]);
  });

  it("renders nothing for a stored body that no longer validates", () => {
    expect(renderDocumentHtml(doc({ type: "script", content: [text("alert(1)")] }))).toBe("");
    expect(renderDocumentHtml(doc(paragraph([text("x", link("javascript:alert(1)"))])))).toBe("");
  });
});

describe("XLIFF", () => {
  const xliff = (body: string) =>
    `<?xml version="1.0"?>${body}<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="fr" trgLang="en"><file id="f"><notes><note category="articleId">a</note><note category="sourceVersion">1</note></notes><unit id="u1"><notes><note category="sourceHash">h</note></notes><segment><source>Bonjour</source><target>&lol9;</target></segment></unit></file></xliff>`;

  it("refuses entity expansion (billion laughs) and external entities before parsing", () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level || ""};`.repeat(10)}">`).join("")}]>`;
    const started = Date.now();
    expect(parseXliff(xliff(laughs))).toMatchObject({ ok: false, error: "xliff.doctype" });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(parseXliff(xliff('<!DOCTYPE x [<!ENTITY lol9 SYSTEM "file:///etc/passwd">]>'))).toMatchObject({
      ok: false,
      error: "xliff.doctype",
    });
    expect(parseXliff(xliff('<!doctype x SYSTEM "http://evil.example/x.dtd">'))).toMatchObject({ ok: false, error: "xliff.doctype" });
  });

  it("refuses markup inside a target and keeps escaped payloads as text", () => {
    const withMarkup = xliff("").replace("&lol9;", "<script>alert(1)</script>");
    expect(parseXliff(withMarkup)).toMatchObject({ ok: false, error: "xliff.markup" });
    const escaped = parseXliff(xliff("").replace("&lol9;", "&lt;img src=x onerror=alert(1)&gt;"));
    // The target is inline content now (text runs with their marks): the payload stays one text run.
    expect(escaped.ok && escaped.document.units[0]!.target).toEqual([{ type: "text", text: "<img src=x onerror=alert(1)>" }]);
  });
});

describe("SQL-looking input", () => {
  it("is stored and searched as text: the tables are still there", async () => {
    const editor = await db.user.create({
      data: { email: `sec-sql-${Date.now()}@desk.test`, name: "Robert'); DROP TABLE users; --", role: "EDITOR", passwordHash: "x" },
    });
    const label = `'; DROP TABLE users; -- ${Date.now()}`;
    const fields = tagFieldsSchema.parse({
      type: "TOPIC",
      labelFr: label,
      labelEn: `${label} en`,
      aliases: `1' OR '1'='1\n"; DELETE FROM tags; --`,
    });
    const { tagId } = await createTag({ id: editor.id, role: "EDITOR" }, fields);
    const stored = await db.tagLabel.findMany({ where: { tagId }, select: { label: true }, orderBy: { language: "asc" } });
    expect(stored.map((row) => row.label)).toEqual([`${label} en`, label]);
    expect(await db.user.count({ where: { id: editor.id } })).toBe(1);
    expect(await db.tagAlias.count({ where: { tagId } })).toBe(2);
    // Readers' search: any input answers a normal (empty) result.
    for (const query of ["'; DROP TABLE users; --", "\\' OR 1=1 --", "a:* & !b | (c", "$$; SELECT pg_sleep(10); $$"]) {
      const result = await searchArticles("fr", { query, page: 1 });
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    expect(await db.user.count()).toBeGreaterThan(0);
  });
});

describe("oversized input", () => {
  const huge = "A".repeat(100 * 1024);

  it("is a field error in every text schema, never an exception", () => {
    const cases: [
      string,
      { safeParse: (input: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } },
      Record<string, unknown>,
      string,
    ][] = [
      ["article title", versionFieldsSchema, { title: huge, slug: "s", body: "{}" }, "title"],
      ["standfirst", versionFieldsSchema, { title: "t", slug: "s", standfirst: huge, body: "{}" }, "standfirst"],
      ["dateline", versionFieldsSchema, { title: "t", slug: "s", datelinePlace: huge, body: "{}" }, "datelinePlace"],
      ["SEO description", versionFieldsSchema, { title: "t", slug: "s", seoDescription: huge, body: "{}" }, "seoDescription"],
      ["tag label", tagFieldsSchema, { type: "TOPIC", labelFr: huge, labelEn: "x" }, "labelFr"],
      ["tag aliases", tagFieldsSchema, { type: "TOPIC", labelFr: "x", labelEn: "x", aliases: huge }, "aliases"],
      ["glossary term", glossaryTermSchema, { termFr: huge, termEn: "x" }, "termFr"],
      ["comment", commentSchema, { versionId: "v", body: huge }, "body"],
      ["user name", userCreateSchema, { email: "a@b.example", name: huge, role: "EDITOR", password: "long-enough-password" }, "name"],
    ];
    for (const [label, schema, input, field] of cases) {
      const result = schema.safeParse(input);
      expect(result.success, label).toBe(false);
      const issue = result.error!.issues.find((candidate) => candidate.path[0] === field);
      expect(issue, label).toBeTruthy();
      expect(issue!.message, label).toMatch(/^[\w.]+$/); // a message key, shown next to the field
    }
  });
});

describe("path traversal", () => {
  const root = mkdtempSync(path.join(tmpdir(), "sec-media-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("no media key outside the service's own pattern reaches the storage", async () => {
    for (const key of [
      "../../etc/passwd",
      "..%2F..%2Fetc%2Fpasswd",
      "/etc/passwd",
      "a/../../b.jpg",
      "a\\..\\b.jpg",
      "a/b.jpg\u0000.png",
      "./a.jpg",
    ]) {
      expect(isValidMediaKey(key), key).toBe(false);
    }
    const storage = createDiskStorage(path.join(root, "media"));
    await expect(storage.get("../../etc/passwd")).rejects.toThrow(/invalid media key/);
    await expect(storage.put("../escape.jpg", new Uint8Array([1]), "image/jpeg")).rejects.toThrow(/invalid media key/);
  });

  it("an upload is judged by its bytes (names are never used): a text file is refused, nothing stored", async () => {
    const user = await db.user.create({
      data: { email: `sec-media-${Date.now()}@desk.test`, name: "Media", role: "EDITOR", passwordHash: "x" },
    });
    const storage = createDiskStorage(path.join(root, "media"));
    await expect(
      uploadMedia(new TextEncoder().encode("root:x:0:0:root:/root:/bin/bash\n<svg onload=alert(1)>"), { id: user.id, ip: null }, storage),
    ).rejects.toThrow();
    expect(await db.mediaAsset.count({ where: { uploadedById: user.id } })).toBe(0);
  });
});
