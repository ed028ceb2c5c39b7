// The one text key that tag matching and tag uniqueness compare: case, diacritics, Unicode
// look-alikes, punctuation and stray spaces do not count. Pure; used by the DB columns `normalized`.

// Letters that NFKD does not decompose into a base letter plus a mark.
const SPECIAL_LETTERS: Record<string, string> = {
  đ: "d",
  Đ: "d",
  ð: "d",
  Ð: "d",
  œ: "oe",
  Œ: "oe",
  æ: "ae",
  Æ: "ae",
  ß: "ss",
  ø: "o",
  Ø: "o",
  ł: "l",
  Ł: "l",
  ı: "i",
  þ: "th",
  Þ: "th",
};

// Cyrillic and Greek letters that look like Latin ones: a word typed (or pasted) with them must
// still match. Applied only inside words that also hold Latin letters or consist of look-alikes only.
const LOOK_ALIKES: Record<string, string> = {
  // Cyrillic
  а: "a",
  А: "A",
  в: "b",
  В: "B",
  е: "e",
  Е: "E",
  ё: "e",
  Ё: "E",
  к: "k",
  К: "K",
  м: "m",
  М: "M",
  н: "h",
  Н: "H",
  о: "o",
  О: "O",
  р: "p",
  Р: "P",
  с: "c",
  С: "C",
  т: "t",
  Т: "T",
  у: "y",
  У: "Y",
  х: "x",
  Х: "X",
  і: "i",
  І: "I",
  ї: "i",
  Ї: "I",
  ј: "j",
  Ј: "J",
  ѕ: "s",
  Ѕ: "S",
  ԁ: "d",
  ԛ: "q",
  Ԛ: "Q",
  ԝ: "w",
  Ԝ: "W",
  һ: "h",
  Һ: "H",
  ӏ: "l",
  Ӏ: "I",
  ɡ: "g",
  // Greek
  α: "a",
  Α: "A",
  β: "b",
  Β: "B",
  ε: "e",
  Ε: "E",
  ζ: "z",
  Ζ: "Z",
  η: "n",
  Η: "H",
  ι: "i",
  Ι: "I",
  κ: "k",
  Κ: "K",
  μ: "u",
  Μ: "M",
  ν: "v",
  Ν: "N",
  ο: "o",
  Ο: "O",
  ρ: "p",
  Ρ: "P",
  τ: "t",
  Τ: "T",
  υ: "u",
  Υ: "Y",
  χ: "x",
  Χ: "X",
  ϲ: "c",
  Ϲ: "C",
};
const LOOK_ALIKE_CLASS = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "u");

// Zero-width characters and soft hyphens vanish; they only hide inside words.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/gu;

function foldLookAlikes(word: string): string {
  if (!LOOK_ALIKE_CLASS.test(word)) return word;
  const letters = [...word].filter((char) => /\p{L}/u.test(char));
  const hasLatin = letters.some((char) => /\p{Script=Latin}/u.test(char));
  const allLookAlike = letters.every((char) => char in LOOK_ALIKES || /\p{Script=Latin}/u.test(char));
  if (!hasLatin && !allLookAlike) return word;
  return [...word].map((char) => LOOK_ALIKES[char] ?? char).join("");
}

/** NFKC (fullwidth letters become plain ones), invisible characters dropped, look-alikes inside Latin words replaced. */
function canonicalLetters(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE, "")
    .replace(/[\p{L}\p{M}]+/gu, foldLookAlikes);
}

/** A label or alias as typed, made fit to store and show: look-alikes and stray spaces fixed, case and accents kept. */
export function cleanLabel(text: string): string {
  return canonicalLetters(text)
    .replace(/[\s\p{Z}]+/gu, " ")
    .trim();
}

/**
 * `Bùi Thanh Sơn`, `BUI  THANH SON`, `Ｂｕｉ Thanh Son`, `Bui Thаnh Son` (Cyrillic а) all give
 * `bui thanh son`. Apostrophes, dashes and other punctuation become word breaks (`l’ASEAN` ->
 * `l asean`, `Ukraine–Russia` -> `ukraine russia`), so n-grams of a text compare with labels.
 */
export function normalizeForMatch(text: string): string {
  return canonicalLetters(text)
    .replace(/[đĐðÐœŒæÆßøØłŁıþÞ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a normalized key. */
export function matchTokens(text: string): string[] {
  const key = normalizeForMatch(text);
  return key ? key.split(" ") : [];
}
