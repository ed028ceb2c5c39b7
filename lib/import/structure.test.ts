import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { extractCaptions, findTitle, removeTitleRepeats, splitHeader, splitLeadAndDateline } from "./structure";

const DATELINE_PARAGRAPH = "Hanoï (VNA) - Le ministre a organisé une conférence virtuelle.";

describe("splitHeader", () => {
  it("takes a credited lead caption off the header line", () => {
    const result = splitHeader([" date 2021-07 Le ministre Bui Thanh Son. Photo: VNA", DATELINE_PARAGRAPH], new ChangeLog());
    expect(result.header).toMatchObject({ year: 2021, month: 7 });
    expect(result.captions).toEqual([{ text: "Le ministre Bui Thanh Son.", credit: "VNA" }]);
    expect(result.blocks).toEqual([DATELINE_PARAGRAPH]);
  });

  it("takes an uncredited caption when a dateline paragraph follows", () => {
    const result = splitHeader([" date 2022-09 Le Premier ministre et la délégation.", DATELINE_PARAGRAPH], new ChangeLog());
    expect(result.captions).toEqual([{ text: "Le Premier ministre et la délégation.", credit: null }]);
    expect(result.blocks).toEqual([DATELINE_PARAGRAPH]);
  });

  it("leaves a headline on the header line for the title, not the captions", () => {
    const result = splitHeader([" date 2022-09 Vietnam, Laos boost ties", DATELINE_PARAGRAPH], new ChangeLog());
    expect(result.captions).toEqual([]);
    expect(result.blocks).toEqual(["Vietnam, Laos boost ties", DATELINE_PARAGRAPH]);
  });

  it("keeps a dateline and first paragraph on the header line as body", () => {
    const result = splitHeader([" date 2022-07 Hanoï, 6 juillet (VNA) - Le ministre a reçu.", "Suite."], new ChangeLog());
    expect(result.captions).toEqual([]);
    expect(result.blocks).toEqual(["Hanoï, 6 juillet (VNA) - Le ministre a reçu.", "Suite."]);
  });

  it("splits a caption and a dateline paragraph sharing the header line", () => {
    const result = splitHeader([" date 2021-07 Le ministre. Photo : VNA Hanoï (VNA) - Le ministre a dit."], new ChangeLog());
    expect(result.captions).toEqual([{ text: "Le ministre.", credit: "VNA" }]);
    expect(result.blocks).toEqual(["Hanoï (VNA) - Le ministre a dit."]);
  });

  it("passes files without a header through and keeps a reverted caption in the body", () => {
    expect(splitHeader(["Titre", DATELINE_PARAGRAPH], new ChangeLog())).toEqual({
      header: null,
      blocks: ["Titre", DATELINE_PARAGRAPH],
      captions: [],
    });
    const log = new ChangeLog();
    splitHeader([" date 2021-07 Le ministre. Photo: VNA", DATELINE_PARAGRAPH], log);
    const reverted = splitHeader(
      [" date 2021-07 Le ministre. Photo: VNA", DATELINE_PARAGRAPH],
      new ChangeLog(new Set([log.applied[0]?.id ?? ""])),
    );
    expect(reverted.captions).toEqual([]);
    expect(reverted.blocks).toEqual(["Le ministre. Photo: VNA", DATELINE_PARAGRAPH]);
  });
});

describe("extractCaptions", () => {
  it("moves credited captions and image-marker captions out, remembering alt texts", () => {
    const result = extractCaptions(
      [
        "Body paragraph one.",
        "Vietnam-Laos talks ảnh 1Panorama of the talks. Photo : VNA",
        "Delegates. (Photo: WVR/Tuan Anh)",
        "Body two.",
      ],
      new ChangeLog(),
    );
    expect(result.blocks).toEqual(["Body paragraph one.", "Body two."]);
    expect(result.captions).toEqual([
      { text: "Panorama of the talks.", credit: "VNA" },
      { text: "Delegates.", credit: "WVR/Tuan Anh" },
    ]);
    expect(result.altTexts).toEqual(["Vietnam-Laos talks"]);
  });

  it("joins a credit on its own line to the short caption above it", () => {
    const result = extractCaptions(["Body paragraph.", "The two ministers shake hands.", "Photo: VNA", "More body."], new ChangeLog());
    expect(result.captions).toEqual([{ text: "The two ministers shake hands.", credit: "VNA" }]);
    expect(result.blocks).toEqual(["Body paragraph.", "More body."]);
  });
});

describe("findTitle and removeTitleRepeats", () => {
  it("takes a headline first line as title", () => {
    expect(findTitle(["Vietnam, Japan deepen ties", DATELINE_PARAGRAPH], [])).toEqual({
      title: "Vietnam, Japan deepen ties",
      blocks: [DATELINE_PARAGRAPH],
    });
  });

  it("takes the image alt text as title when there is no title line", () => {
    expect(findTitle([DATELINE_PARAGRAPH, "Suite."], ["Vietnam, France boost cooperation"]).title).toBe(
      "Vietnam, France boost cooperation",
    );
  });

  it("takes a repeated headline line as title, and leaves the title null otherwise", () => {
    expect(findTitle([DATELINE_PARAGRAPH, "Vietnam, Japan deepen ties", "Suite.", "Vietnam, Japan deepen ties"], []).title).toBe(
      "Vietnam, Japan deepen ties",
    );
    expect(findTitle([DATELINE_PARAGRAPH, "Suite."], []).title).toBeNull();
  });

  it("drops title repeats and reads the short line after one as its caption", () => {
    const title = "Vietnam, Japan deepen ties";
    const result = removeTitleRepeats(
      ["First paragraph.", title, "The ministers at the talks.", "Second paragraph."],
      title,
      new ChangeLog(),
    );
    expect(result.blocks).toEqual(["First paragraph.", "Second paragraph."]);
    expect(result.captions).toEqual([{ text: "The ministers at the talks.", credit: null }]);
  });
});

describe("splitLeadAndDateline", () => {
  it("strips the dateline and records it", () => {
    const log = new ChangeLog();
    const result = splitLeadAndDateline([DATELINE_PARAGRAPH, "Suite."], log);
    expect(result.dateline).toEqual({ place: "Hanoï", source: "VNA" });
    expect(result.lead).toBeNull();
    expect(result.paragraphs).toEqual(["Le ministre a organisé une conférence virtuelle.", "Suite."]);
    expect(log.applied).toEqual([expect.objectContaining({ kind: "dateline-removed", before: "Hanoï (VNA) -" })]);
  });

  it("takes a standfirst before the dateline paragraph as lead", () => {
    const result = splitLeadAndDateline(
      ["Le Vietnam et la Corée ont convenu de multiplier les échanges.", DATELINE_PARAGRAPH],
      new ChangeLog(),
    );
    expect(result.lead).toBe("Le Vietnam et la Corée ont convenu de multiplier les échanges.");
    expect(result.paragraphs).toEqual(["Le ministre a organisé une conférence virtuelle."]);
  });

  it("has no lead or dateline when no paragraph opens with one", () => {
    expect(splitLeadAndDateline(["Un.", "Deux."], new ChangeLog())).toEqual({
      lead: null,
      dateline: null,
      datelineMatch: null,
      paragraphs: ["Un.", "Deux."],
    });
  });
});
