// Unit tests of XLIFF 2.0 export/parse: round trip, escaping, and refusals (pure).
import { describe, expect, it } from "vitest";
import { inlineFromText, type Inline } from "./inline";
import { exportXliff, MAX_XLIFF_BYTES, parseXliff } from "./xliff";

const bold = (text: string) => ({ type: "text" as const, text, marks: [{ type: "bold" as const }] });
const link = (text: string, href: string, also: "bold" | null = null) => ({
  type: "text" as const,
  text,
  marks: [{ type: "link" as const, attrs: { href } }, ...(also ? [{ type: also }] : [])],
});
const plain = (text: string) => ({ type: "text" as const, text });

/** A paragraph with a link (bold inside it too), bold and italic text and a hard break. */
const markedSource: Inline = [
  plain("Le "),
  link("ministère", "https://example.org/mae?a=1&b=2"),
  plain(" a "),
  bold("confirmé"),
  plain(" la "),
  link("visite", "https://example.org/visite", "bold"),
  { type: "hardBreak" },
  { type: "text", text: "à Hanoï", marks: [{ type: "italic" }] },
];
const markedTarget: Inline = [
  plain("The "),
  link("ministry", "https://example.org/mae?a=1&b=2"),
  plain(" "),
  bold("confirmed"),
  plain(" the "),
  link("visit", "https://example.org/visite", "bold"),
  { type: "hardBreak" },
  { type: "text", text: "in Hanoi", marks: [{ type: "italic" }] },
];

const document = {
  articleId: "art1",
  sourceLanguage: "fr",
  targetLanguage: "en",
  sourceVersion: 7,
  units: [
    {
      id: "b1",
      sourceHash: "h1",
      source: inlineFromText("Le « <b>gras</b> » & l’apostrophe 'x' \"y\""),
      target: inlineFromText("The <i> & co"),
    },
    { id: "b2", sourceHash: "h2", source: inlineFromText("Liste\nsur deux lignes"), target: [] },
    { id: "b3", sourceHash: "h3", source: markedSource, target: markedTarget },
  ],
};

describe("XLIFF", () => {
  it("round-trips units, languages, article id and source version, escaping everything", () => {
    const xml = exportXliff(document);
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">');
    expect(xml).toContain('<unit id="b1">');
    expect(xml).not.toContain("<b>");
    expect(xml).toContain("&lt;b&gt;gras&lt;/b&gt;");
    const parsed = parseXliff(xml);
    expect(parsed).toEqual({ ok: true, document });
  });

  it("carries links, bold and italic as <pc> spans (the address in originalData) and hard breaks as <ph>", () => {
    const xml = exportXliff(document);
    expect(xml).toContain('<data id="d1">https://example.org/mae?a=1&amp;b=2</data>');
    expect(xml).toMatch(/<pc id="\d+" type="link" dataRefStart="d1">ministère<\/pc>/);
    expect(xml).toMatch(/<pc id="\d+" type="fmt" subType="xlf:b">confirmé<\/pc>/);
    expect(xml).toMatch(/<pc id="\d+" type="link" dataRefStart="d2"><pc id="\d+" type="fmt" subType="xlf:b">visit<\/pc><\/pc>/);
    expect(xml).toMatch(/<ph id="\d+" type="fmt" subType="xlf:lb"\/><pc id="\d+" type="fmt" subType="xlf:i">in Hanoi<\/pc>/);
    // A CAT tool moves the codes with the words: a target edited there comes back with its marks.
    const edited = xml.replace(
      /<target><\/target>/,
      '<target>List<ph id="90" type="fmt" subType="xlf:lb"/>on <pc id="91" type="link" dataRefStart="d9">two</pc> lines</target>',
    );
    const parsed = parseXliff(
      edited.replace(
        "<segment>\n        <source>Liste",
        '<originalData><data id="d9">https://example.org/two</data></originalData><segment>\n        <source>Liste',
      ),
    );
    expect(parsed.ok && parsed.document.units[1]!.target).toEqual([
      plain("List"),
      { type: "hardBreak" },
      plain("on "),
      link("two", "https://example.org/two"),
      plain(" lines"),
    ]);
  });

  it("refuses DTDs and entity declarations (billion laughs) before parsing", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><xliff version="2.0">&lol2;</xliff>`;
    expect(parseXliff(bomb)).toMatchObject({ ok: false, error: "xliff.doctype" });
    expect(parseXliff(exportXliff(document).replace("<xliff", '<!ENTITY x SYSTEM "file:///etc/passwd"><xliff'))).toMatchObject({
      ok: false,
      error: "xliff.doctype",
    });
  });

  it("refuses malformed XML, other formats, inline markup and oversized files", () => {
    expect(parseXliff("<xliff><file></xliff>")).toMatchObject({ ok: false, error: "xliff.malformed" });
    expect(parseXliff("<html><body/></html>")).toMatchObject({ ok: false, error: "xliff.notXliff" });
    expect(
      parseXliff(exportXliff(document).replace("<target>The &lt;i&gt; &amp; co</target>", "<target>The <pc id='1'>bold</pc></target>")),
    ).toMatchObject({ ok: false, error: "xliff.markup", detail: "b1" });
    // A link whose address is not in the unit's originalData would lose it: refused, not guessed.
    expect(
      parseXliff(
        exportXliff(document).replace(
          "<target>The &lt;i&gt; &amp; co</target>",
          '<target><pc id="1" type="link" dataRefStart="d7">x</pc></target>',
        ),
      ),
    ).toMatchObject({ ok: false, error: "xliff.markup", detail: "b1" });
    expect(parseXliff(`<x>${"a".repeat(MAX_XLIFF_BYTES)}</x>`)).toMatchObject({ ok: false, error: "xliff.tooLarge" });
  });
});
