// Text normalisation shared by the translation tools. Two kinds: `fingerprintText` keeps case and
// accents (any change of the source counts) and is mirrored exactly in SQL; `foldForMatching`
// drops case and diacritics for glossary and translation-memory matching.
const SPECIAL_LETTERS: Record<string, string> = {
  đ: "d",
  Đ: "d",
  œ: "oe",
  Œ: "oe",
  æ: "ae",
  Æ: "ae",
  ß: "ss",
  ø: "o",
  Ø: "o",
  ł: "l",
  Ł: "l",
};

/** The whitespace characters collapsed to one space, listed so SQL can use the very same set. */
export const WHITESPACE_CODE_POINTS = [0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b, 0xa0, 0x202f, 0x2009] as const;
const WHITESPACE_RUN = new RegExp(`[${WHITESPACE_CODE_POINTS.map((code) => `\\u{${code.toString(16)}}`).join("")}]+`, "gu");

export function fingerprintText(text: string): string {
  return text.normalize("NFC").replace(WHITESPACE_RUN, " ").replace(/^ | $/g, "");
}

export function foldForMatching(text: string): string {
  return text
    .replace(/[đĐœŒæÆßøØłŁ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/gu, " ")
    .trim();
}
