import { describe, expect, it } from "vitest";
import { looksLikeShapedCaption, looksLikeUncreditedCaption, parseCreditedCaption, parseImageMarker } from "./captions";
import { ChangeLog } from "./change-log";
import { extractCaptions } from "./structure";

describe("parseCreditedCaption", () => {
  it.each([
    ["Le ministre des Affaires étrangères Bui Thanh Son. Photo: VNA", "Le ministre des Affaires étrangères Bui Thanh Son.", "VNA"],
    ["Panorama de l’entretien. Photo : VNA", "Panorama de l’entretien.", "VNA"],
    ["On the evening of February 22, in Hanoi. (Photo: WVR/Tuan Anh)", "On the evening of February 22, in Hanoi.", "WVR/Tuan Anh"],
    ["The two leaders shake hands. Photo: AFP/VNA", "The two leaders shake hands.", "AFP/VNA"],
    ["La cérémonie de signature. Photo : VOV.", "La cérémonie de signature.", "VOV"],
    ["Le vice-ministre Do Hung Viet. Photo : baoquocte.vn", "Le vice-ministre Do Hung Viet.", "baoquocte.vn"],
    ["Photo: VNA", "", "VNA"],
    ["Thủ tướng phát biểu. Ảnh: TTXVN", "Thủ tướng phát biểu.", "TTXVN"],
    ["Delegates at the meeting (Photo credit: Nguyen Hong)", "Delegates at the meeting", "Nguyen Hong"],
  ])("%j", (line, text, credit) => {
    expect(parseCreditedCaption(line)).toEqual({ text, credit });
  });

  it("does not take body text for a caption", () => {
    expect(parseCreditedCaption("The exhibition features 200 photos: landscapes and portraits.")).toBeNull();
    expect(parseCreditedCaption("Le ministre a souligné l’importance de la coopération.")).toBeNull();
    expect(parseCreditedCaption(`${"Long paragraph. ".repeat(40)}Photo: VNA`)).toBeNull();
    expect(parseCreditedCaption("A truncated credit (Photo: VNA")).toBeNull();
  });
});

describe("parseImageMarker", () => {
  it('splits "<title> ảnh 1<caption>" into alt text and caption', () => {
    expect(parseImageMarker("Vietnam-R de Corée : entretien ảnh 1Panorama de l’entretien. Photo : VNA")).toEqual({
      altText: "Vietnam-R de Corée : entretien",
      caption: { text: "Panorama de l’entretien.", credit: "VNA" },
    });
  });

  it("keeps a caption without credit and reads a marker with nothing after it", () => {
    expect(parseImageMarker("Title ảnh 2 Delegates at the talks")).toEqual({
      altText: "Title",
      caption: { text: "Delegates at the talks", credit: null },
    });
    expect(parseImageMarker("Title ảnh 3")).toEqual({ altText: "Title", caption: null });
  });

  it("ignores text without a marker", () => {
    expect(parseImageMarker("Le Vietnam et la Corée ont signé 3 accords.")).toBeNull();
    expect(parseImageMarker("Nguyen Thanh 1 2 3")).toBeNull();
  });
});

describe("looksLikeUncreditedCaption", () => {
  it("accepts one or two short sentences and rejects paragraphs", () => {
    expect(looksLikeUncreditedCaption("Le ministre des Affaires étrangères Bui Thanh Son.")).toBe(true);
    expect(looksLikeUncreditedCaption("Un. Deux. Trois. Quatre phrases ici.")).toBe(false);
    expect(looksLikeUncreditedCaption("x".repeat(400))).toBe(false);
  });
});

describe("captions by shape, without a credit", () => {
  it("takes lines that place people in the photo or say they show one", () => {
    expect(looksLikeShapedCaption("Ambassador Tran Van Nam (2nd from right) at the ceremony")).toBe(true);
    expect(looksLikeShapedCaption("Les deux délégations (de gauche à droite) posent pour la photo.")).toBe(true);
    expect(looksLikeShapedCaption("Pictured: volunteers clearing the beach after the storm.")).toBe(true);
  });

  it("leaves body sentences, quotations and long paragraphs in the text", () => {
    expect(looksLikeShapedCaption("The minister said the left bank of the river would be dredged.")).toBe(false);
    expect(looksLikeShapedCaption("« Nous restons ouverts (à droite comme à gauche) », a-t-il dit.")).toBe(false);
    expect(looksLikeShapedCaption(`The president (right) spoke first. ${"He listed the results of the year. ".repeat(8)}`)).toBe(false);
  });

  it("moves such a line out as a flagged change, and a plain short line not at all", () => {
    const log = new ChangeLog();
    const result = extractCaptions(
      ["Hanoi (VNA) – The talks opened on Monday.", "Delegates (centre) arrive at the venue", "A short plain line."],
      log,
    );
    expect(result.captions).toEqual([{ text: "Delegates (centre) arrive at the venue", credit: null }]);
    expect(result.blocks).toEqual(["Hanoi (VNA) – The talks opened on Monday.", "A short plain line."]);
    expect(log.applied.map((change) => change.kind)).toEqual(["caption-guessed"]);
  });
});
