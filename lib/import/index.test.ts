import { refusalTextIn } from "@/lib/i18n/refusal-text";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { applyChanges, importWireText, similarity, type ParsedArticle } from "./index";

const SAMPLES = new URL("../../seed/sample-articles/", import.meta.url);
const FIXTURES = new URL("./fixtures/", import.meta.url);

const sampleBytes = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(name, SAMPLES)));
const fixtureBytes = (name: string): Uint8Array => readFileSync(fileURLToPath(new URL(name, FIXTURES)));

function parse(bytes: Uint8Array, revertChanges: string[] = []): ParsedArticle {
  const result = importWireText(bytes, { revertChanges });
  if (!result.ok) throw new Error(`import failed: ${result.refusal.code}`);
  return result.article;
}

const lastOf = (items: readonly string[]): string => items[items.length - 1] ?? "";
// Sign-offs, trailer markers and image markers that must never survive cleaning.
const RESIDUE = /(?:\/\.|[-–—]\s*VNA\s*$|^VNA$|Voir plus|TIN LIÊN QUAN|Lire aussi|ảnh \d)/u;

function expectNoResidue(article: ParsedArticle): void {
  for (const paragraph of article.paragraphs) expect(paragraph).not.toMatch(RESIDUE);
  expect(article.title).not.toMatch(RESIDUE);
}

describe("importWireText on the sample wire copy", () => {
  it('000: French, header caption, no title line, month date, "–VNA" sign-off', () => {
    const article = parse(sampleBytes("000_2c278e109e592e51.txt"));
    expect(article.language).toBe("fr");
    expect(article.title).toBe("Le ministère des Affaires étrangères a organisé jeudi soir à Hanoï une conférence…");
    expect(article.titleSuggested).toBe(true);
    expect(article.lead).toBeNull();
    expect(article.dateline).toEqual({ place: "Hanoï", source: "VNA" });
    expect(article.date).toEqual({ value: "2021-07", precision: "month" });
    expect(article.captions).toEqual([{ text: "Le ministre des Affaires étrangères Bui Thanh Son.", credit: "VNA" }]);
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[0]).toMatch(/^Le ministère des Affaires étrangères a organisé jeudi soir à Hanoï/);
    expect(lastOf(article.paragraphs)).toMatch(/entre le Vietnam et d'autres pays\.$/);
    expectNoResidue(article);
    expect(article.warnings.some((warning) => /œuvre/.test(warning))).toBe(false);
  });

  it('001: French, blank-line runs, "… - VNA" sign-off', () => {
    const article = parse(sampleBytes("001_5fa2019be91cf553.txt"));
    expect(article.language).toBe("fr");
    expect(article.titleSuggested).toBe(true);
    expect(article.title).toMatch(/^L’année 2023 est marqué par les activités extérieures/);
    expect(article.dateline).toEqual({ place: "Hanoï", source: "VNA" });
    expect(article.date).toEqual({ value: "2023-12", precision: "month" });
    expect(article.captions).toEqual([{ text: "Le ministre des Affaires étrangères Bui Thanh Son.", credit: "VNA" }]);
    expect(article.paragraphs[0]).toMatch(/^L’année 2023 est marqué/);
    expect(lastOf(article.paragraphs)).toMatch(/continuer à innover les méthodes de travail…$/);
    expect(article.changes.some((change) => change.kind === "blank-lines-collapsed")).toBe(true);
    expectNoResidue(article);
  });

  it('002: English, glued words, body pasted twice, "./." and a lone "VNA"', () => {
    const article = parse(sampleBytes("002_01dc4fdb0e13d367.txt"));
    expect(article.language).toBe("en");
    expect(article.titleSuggested).toBe(true);
    expect(article.title).toBe("The pioneering role of the diplomatic sector will be carried forward in building…");
    expect(article.dateline).toEqual({ place: "Hanoi", source: "VNA" });
    expect(article.date).toBeNull();
    expect(article.captions).toEqual([]);
    expect(article.paragraphs).toHaveLength(13);
    expect(article.paragraphs[0]).toMatch(
      /^The pioneering role of the diplomatic sector .* in building and maintaining an environment of peace/,
    );
    expect(article.paragraphs[1]).toContain("economic diplomacy focuses set for 2023");
    expect(article.paragraphs[3]).toContain(
      "the top priorities given to promoting economic cooperation in an effective and pragmatic fashion, according to the minister",
    );
    expect(lastOf(article.paragraphs)).toBe(
      "Amid the Ukraine-Russia conflict, the ministry coordinated with relevant agencies to ensure national interests and protect affected Vietnamese citizens, while contributing to international efforts in assisting civilians in conflict-hit areas, Son said.",
    );
    expect(article.changes.filter((change) => change.kind === "duplicate-block-removed")).toHaveLength(1);
    expectNoResidue(article);
  });

  it('003: English WVR, title line, alt-text repeats, captions, "TIN LIÊN QUAN" list', () => {
    const article = parse(sampleBytes("003_3a8810cd82d8df2c.txt"));
    const title = "Foreign Minister Bui Thanh Son outlines key tasks of economic diplomacy in 2024";
    expect(article.language).toBe("en");
    expect(article.title).toBe(title);
    expect(article.titleSuggested).toBe(false);
    expect(article.dateline).toEqual({ place: "Hanoi", source: "WVR" });
    expect(article.date).toBeNull();
    expect(article.warnings).toContain("The text gives a day (22/2) but no year; the date is left empty.");
    expect(article.captions.map((caption) => caption.credit)).toEqual(["WVR/Tuan Anh", "Tuan Anh", "Tuan Anh"]);
    expect(article.captions[1]?.text).toBe("Vietnamese Representative Missions abroad participated online.");
    expect(article.paragraphs).toHaveLength(18);
    expect(article.paragraphs[0]).toMatch(/^On the evening of February 22, in Hanoi, Foreign Minister/);
    expect(article.paragraphs).not.toContain(title);
    expect(article.paragraphs.join("\n")).not.toMatch(/Brussels|Urpilainen|Ireland/);
    expect(lastOf(article.paragraphs)).toMatch(/the Minister emphasized\.$/);
    expect(article.changes.filter((change) => change.kind === "title-repeat-removed")).toHaveLength(3);
    expectNoResidue(article);
  });

  it('004: French, title and lead, "ảnh N" captions, typos flagged, "Voir plus" teasers', () => {
    const article = parse(sampleBytes("004_1b329f662bd1b222.txt"));
    expect(article.language).toBe("fr");
    expect(article.title).toBe("Vietnam-R de Corée : entretien entre les ministres des Affaires étrangères");
    expect(article.titleSuggested).toBe(false);
    expect(article.lead).toBe(
      "Le Vietnam et la République de Corée ont convenu de multiplier les échanges de haut niveau, de promouvoir leur coopération dans la lutte contre le COVID-19, l’investissement, le commerce.",
    );
    expect(article.dateline).toEqual({ place: "Hanoï", source: "VNA" });
    expect(article.date).toBeNull();
    expect(article.captions).toEqual([
      { text: "Panorama de l'entretien.", credit: "VNA" },
      {
        text: "Les deux ministres assistent à la signature d'un protocole d'accord sur le programme de réponse au COVID-19 entre l'Institut national d'hygiène et d'épidémiologie et KOICA.",
        credit: "VNA",
      },
    ]);
    expect(article.paragraphs[0]).toMatch(/^Le ministre des Affaires étrangères \(AE\) Bui Thanh Son eu eu le 23 juin/);
    expect(lastOf(article.paragraphs)).toMatch(/coopération internationale \(KOICA\)\.$/);
    expect(article.paragraphs.join("\n")).not.toMatch(/Singapour|Quang Trung|Paksé/);
    expect(article.paragraphs).not.toContain("");
    expect(article.warnings).toContain('Repeated word in the source: "eu eu".');
    expect(article.warnings).toContain('Possible typo in the source: "fficace" (did you mean "efficace"?).');
    // Flagged, never rewritten.
    expect(article.paragraphs.join("\n")).toContain("collaboration fficace");
    expectNoResidue(article);
  });

  it("fills the fingerprint fields and keeps the decoded raw text", () => {
    const bytes = sampleBytes("000_2c278e109e592e51.txt");
    const article = parse(bytes);
    expect(article.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(article.nearDuplicateSignature).toHaveLength(128);
    expect(article.rawText).toBe(new TextDecoder().decode(bytes));
  });
});

describe("importWireText on copy written in the same style", () => {
  it("reads a dateline with a day on the header line and drops inline and post-sign-off links", () => {
    const article = parse(fixtureBytes("fr-header-dateline-same-line.txt"));
    expect(article.dateline).toEqual({ place: "Hanoï", source: "VNA" });
    expect(article.date).toEqual({ value: "2022-07-06", precision: "day" });
    expect(article.captions).toEqual([]);
    expect(article.paragraphs).toHaveLength(3);
    expect(article.paragraphs[0]).toContain("lettres de créance. Le ministre a salué");
    expect(article.paragraphs.join("\n")).not.toMatch(/Singapour|BAD|Lire aussi/);
    expect(lastOf(article.paragraphs)).toMatch(/de la main-d’œuvre\.$/);
  });

  it("takes an uncredited header caption, a weekday date and French glued words", () => {
    const article = parse(fixtureBytes("fr-uncredited-header-caption.txt"));
    expect(article.captions).toEqual([{ text: "Le Premier ministre Pham Minh Chinh et la délégation française.", credit: null }]);
    expect(article.date).toEqual({ value: "2022-09-10", precision: "day" });
    expect(article.paragraphs[0]).toContain("Écrivant dans le livre d’or, le ministre français");
    expect(article.paragraphs[1]).toContain("décentralisée et son rôle");
    expect(article.paragraphs[1]).toContain("Plus tôt dans la journée");
    expect(article.paragraphs[2]).toBe(
      "Le Premier ministre a adressé ses sincères de condoléances aux familles des victimes du typhon. La reine des Pays-Bas avait fait de même la veille.",
    );
  });

  it('takes the title from the text before "ảnh 1" when there is no title line', () => {
    const article = parse(fixtureBytes("en-title-in-image-marker.txt"));
    expect(article.title).toBe("Vietnam, France boost decentralised cooperation");
    expect(article.titleSuggested).toBe(false);
    expect(article.dateline).toEqual({ place: "Ho Chi Minh City", source: "VNA" });
    expect(article.date).toEqual({ value: "2023-09-12", precision: "day" });
    expect(article.captions).toEqual([
      { text: "Delegates at the conference.", credit: "VNA" },
      { text: "The signing ceremony in Ho Chi Minh City.", credit: "VNA" },
    ]);
    expect(article.paragraphs).toEqual([
      "The Ho Chi Minh City People’s Committee on the morning of September 12 held a conference to review the city’s foreign affairs work in 2023 and the tasks set for the coming year.",
      "Speaking at the event, the vice chairman said the city had welcomed 75 foreign delegations and signed 20 cooperation agreements with localities of other countries.",
      "The city will also focus on attracting high-quality investment in technology, according to the official.",
    ]);
  });

  it("reads a WVR dateline with a year in the text, an uncredited caption after an alt-text repeat and a repeated body", () => {
    const article = parse(fixtureBytes("en-wvr-repeated-body.txt"));
    expect(article.title).toBe("Vietnam, Japan agree to deepen extensive strategic partnership");
    expect(article.dateline).toEqual({ place: "Tokyo", source: "WVR" });
    expect(article.date).toEqual({ value: "2024-03-05", precision: "day" });
    expect(article.captions).toEqual([{ text: "The two ministers at the talks.", credit: null }]);
    expect(article.paragraphs).toHaveLength(3);
  });

  it("decodes a Windows-1252 file, with CRLF line ends, to the same article as its UTF-8 twin", () => {
    const text = [
      "Le Vietnam et le Japon renforcent leur coopération",
      "",
      "Hanoï (VNA) – L’ambassadeur a salué la « coopération exemplaire » et la mise en œuvre des accords.",
      "",
      "Les deux parties ont évoqué l’avenir des échanges économiques et culturels entre les deux pays./.",
    ].join("\r\n");
    const windows1252: Record<string, number> = { "’": 0x92, "–": 0x96, œ: 0x9c, "“": 0x93, "”": 0x94, "…": 0x85 };
    const bytes = Buffer.from([...text].map((char) => windows1252[char] ?? char.charCodeAt(0)));
    const fromWindows = parse(bytes);
    const fromUtf8 = parse(new TextEncoder().encode(text));
    expect(fromWindows.title).toBe("Le Vietnam et le Japon renforcent leur coopération");
    expect(fromWindows.dateline).toEqual({ place: "Hanoï", source: "VNA" });
    expect(fromWindows.paragraphs[0]).toBe("L’ambassadeur a salué la « coopération exemplaire » et la mise en œuvre des accords.");
    expect(fromWindows.warnings[0]).toMatch(/Windows-1252/);
    expect(fromWindows.hash).toBe(fromUtf8.hash);
    expect(fromWindows.rawText).not.toContain("\r");
  });

  it("reads a BOM + CRLF copy exactly like the plain one", () => {
    const plain = fixtureBytes("fr-uncredited-header-caption.txt");
    const crlf = Buffer.from(`\uFEFF${Buffer.from(plain).toString("utf8").replace(/\n/g, "\r\n")}`, "utf8");
    const a = parse(plain);
    const b = parse(crlf);
    expect(b.paragraphs).toEqual(a.paragraphs);
    expect(b.changes).toEqual(a.changes);
    expect(b.hash).toBe(a.hash);
  });
});

describe("undoing changes", () => {
  const bytes = sampleBytes("002_01dc4fdb0e13d367.txt");

  it("gives the same ids for the same input", () => {
    expect(parse(bytes).changes).toEqual(parse(bytes).changes);
  });

  it("re-runs with one change left un-applied, keeping every other change and its id", () => {
    const original = parse(bytes);
    const glued = original.changes.find((change) => change.before === "thediplomatic");
    expect(glued).toBeDefined();
    const undone = parse(bytes, [glued?.id ?? ""]);
    expect(undone.paragraphs[0]).toContain("role of thediplomatic sector");
    expect(undone.changes.map((change) => change.id)).toEqual(original.changes.map((change) => change.id).filter((id) => id !== glued?.id));
  });

  it("restores a removed repeated body and a dateline", () => {
    const original = parse(bytes);
    const ids = original.changes
      .filter((change) => change.kind === "duplicate-block-removed" || change.kind === "dateline-removed")
      .map((change) => change.id);
    const undone = applyChanges(bytes, { revert: ids });
    expect(undone.ok).toBe(true);
    if (!undone.ok) return;
    expect(undone.article.paragraphs).toHaveLength(25);
    expect(undone.article.paragraphs[0]).toMatch(/^Hanoi \(VNA\) – The pioneering role/);
    for (const id of original.changes.map((change) => change.id).filter((id) => !ids.includes(id))) {
      expect(undone.article.changes.map((change) => change.id)).toContain(id);
    }
  });

  it("accepts the article’s rawText as input", () => {
    const original = parse(bytes);
    const fromText = applyChanges(original.rawText, { revert: [] });
    expect(fromText.ok && fromText.article.hash).toBe(original.hash);
  });
});

describe("near-duplicate detection", () => {
  it("scores a lightly edited copy close to 1 and another article low", () => {
    const original = parse(sampleBytes("002_01dc4fdb0e13d367.txt"));
    const edited = parse(
      new TextEncoder().encode(original.rawText.replace("150 documents", "160 documents").replace("Lunar New Year", "Tet holiday")),
    );
    const other = parse(sampleBytes("003_3a8810cd82d8df2c.txt"));
    expect(edited.hash).not.toBe(original.hash);
    expect(similarity(original.nearDuplicateSignature, edited.nearDuplicateSignature)).toBeGreaterThan(0.85);
    expect(similarity(original.nearDuplicateSignature, other.nearDuplicateSignature)).toBeLessThan(0.1);
  });
});

describe("refusing bad input", () => {
  /** The refusal as the CLI prints it (the en catalogue). */
  const errorOf = (bytes: Uint8Array): string => {
    const result = importWireText(bytes);
    if (result.ok) throw new Error("expected the import to fail");
    return refusalTextIn("en", result.refusal);
  };

  it("refuses an empty or blank file", () => {
    expect(errorOf(new Uint8Array())).toBe("The file is empty.");
    expect(errorOf(new TextEncoder().encode("\n\n   \n"))).toMatch(/empty/);
  });

  it("refuses a PNG renamed .txt, saying what it looks like", () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(errorOf(png)).toBe("This is not a text file: it looks like a PNG file.");
  });

  it("refuses NUL bytes", () => {
    expect(errorOf(new Uint8Array([0x48, 0x61, 0x00, 0x6e]))).toMatch(/NUL bytes/);
  });

  it("refuses a file over 2 MB", () => {
    expect(errorOf(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41))).toBe("The file is larger than 2 MB.");
  });

  it("refuses a file that is only a trailer or only a sign-off", () => {
    expect(errorOf(fixtureBytes("only-trailer.txt"))).toMatch(/only a trailer/);
    expect(errorOf(new TextEncoder().encode("TIN LIÊN QUAN\nFM meets EU counterpart\nMinister visits Ireland"))).toMatch(/only a trailer/);
    expect(errorOf(new TextEncoder().encode("./.\nVNA\n"))).toMatch(/no body paragraphs/);
  });

  it("refuses a title with captions and nothing else", () => {
    expect(errorOf(new TextEncoder().encode("Vietnam, Laos boost ties\nThe two ministers. Photo: VNA"))).toMatch(/no body paragraphs/);
  });
});

describe("files without words", () => {
  it("refuses punctuation or digits alone (found by fuzzing)", () => {
    for (const text of [".", "2024 – 12", "… ; !"]) {
      const result = importWireText(new TextEncoder().encode(text));
      expect(result.ok, text).toBe(false);
    }
  });
});

describe("a UTF-8 file with one stray Windows-1252 byte (issue 26)", () => {
  const withStrayDash = (bytes: Uint8Array): Uint8Array => {
    // The first " – " (E2 80 93) becomes the single byte 0x96, as a pasted dash leaves it.
    const at = Buffer.from(bytes).indexOf(Buffer.from(" – "));
    expect(at).toBeGreaterThan(-1);
    return new Uint8Array([...bytes.subarray(0, at + 1), 0x96, ...bytes.subarray(at + 4)]);
  };

  it.each(["fr", "en"])("keeps the whole %s file UTF-8 and lists the repaired byte as a change to undo", (language) => {
    const original = parse(
      language === "fr"
        ? new TextEncoder().encode(
            "Hanoï (VNA) – L’année 2023 a été marquée par l’essor des échanges entre le Vietnam et la France, a déclaré le ministre.",
          )
        : new TextEncoder().encode(
            "Hanoi (VNA) – The year’s exchanges between Việt Nam and France grew, the minister said on Wednesday in Hà Nội.",
          ),
    );
    const bytes = withStrayDash(new TextEncoder().encode(original.rawText));
    const article = parse(bytes);
    expect(article.rawText).toBe(original.rawText);
    expect(article.paragraphs).toEqual(original.paragraphs);
    expect(article.rawText).not.toMatch(/Ã|â€/);
    const repair = article.changes.find((change) => change.kind === "stray-byte-repaired");
    expect(repair).toMatchObject({ before: "0x96", after: "–" });
    expect(parse(bytes, [repair!.id]).rawText).toContain("\uFFFD");
  });
});
