import { describe, expect, it } from "vitest";
import { cleanLabel, normalizeForMatch } from "./normalize";

describe("normalizeForMatch", () => {
  it("ignores case and diacritics, Vietnamese ones included", () => {
    expect(normalizeForMatch("Bùi Thanh Sơn")).toBe("bui thanh son");
    expect(normalizeForMatch("BUI THANH SON")).toBe("bui thanh son");
    expect(normalizeForMatch("Đà Nẵng")).toBe("da nang");
    expect(normalizeForMatch("Nguyễn Thị Thu Hằng")).toBe("nguyen thi thu hang");
    expect(normalizeForMatch("République de Corée")).toBe("republique de coree");
    expect(normalizeForMatch("Œuvre")).toBe("oeuvre");
  });

  it("maps look-alike letters and fullwidth forms to plain Latin", () => {
    expect(normalizeForMatch("Bui Th\u0430nh Son")).toBe("bui thanh son"); // Cyrillic а
    expect(normalizeForMatch("\u0410SE\u0410N")).toBe("asean"); // Cyrillic А twice
    expect(normalizeForMatch("\u039a\u039fICA")).toBe("koica"); // Greek Κ, Ο
    expect(normalizeForMatch("ＡＳＥＡＮ")).toBe("asean");
    expect(normalizeForMatch("ＫＯＩＣＡ")).toBe(normalizeForMatch("KOICA"));
  });

  it("leaves real Cyrillic words alone", () => {
    expect(normalizeForMatch("Россия")).toBe("россия");
  });

  it("unifies apostrophes and dashes and collapses stray spaces", () => {
    expect(normalizeForMatch("l’ASEAN")).toBe(normalizeForMatch("l'ASEAN"));
    expect(normalizeForMatch("Ukraine–Russia")).toBe(normalizeForMatch("Ukraine-Russia"));
    expect(normalizeForMatch("  Bui\u00A0 Thanh\t\tSon \u200B")).toBe("bui thanh son");
    expect(normalizeForMatch("R. de Corée")).toBe(normalizeForMatch("R de Coree"));
    expect(normalizeForMatch("AS\u200BEAN")).toBe("asean");
  });
});

describe("cleanLabel", () => {
  it("keeps case and accents but fixes look-alikes and spaces", () => {
    expect(cleanLabel("  Bùi   Th\u0430nh Sơn ")).toBe("Bùi Thanh Sơn");
    expect(cleanLabel("ＡＳＥＡＮ")).toBe("ASEAN");
    expect(cleanLabel("\u0410SEAN")).toBe("ASEAN");
  });
});
