// Unit tests of XLIFF 2.0 export/parse: round trip, escaping, and refusals (pure).
import { describe, expect, it } from "vitest";
import { exportXliff, MAX_XLIFF_BYTES, parseXliff } from "./xliff";

const document = {
  articleId: "art1",
  sourceLanguage: "fr",
  targetLanguage: "en",
  sourceVersion: 7,
  units: [
    { id: "b1", sourceHash: "h1", source: "Le « <b>gras</b> » & l’apostrophe 'x' \"y\"", target: "The <i> & co" },
    { id: "b2", sourceHash: "h2", source: "Liste\nsur deux lignes", target: "" },
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
    expect(parseXliff(`<x>${"a".repeat(MAX_XLIFF_BYTES)}</x>`)).toMatchObject({ ok: false, error: "xliff.tooLarge" });
  });
});
