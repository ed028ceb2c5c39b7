// URL slugs from titles: French and Vietnamese diacritics folded (đ -> d, œ -> oe), lower case,
// words joined by hyphens, cut at a word boundary.
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
const MAX_SLUG_LENGTH = 80;

export function slugify(title: string): string {
  const folded = title
    .replace(/[đĐœŒæÆßøØłŁ]/g, (letter) => SPECIAL_LETTERS[letter] ?? letter)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (folded.length <= MAX_SLUG_LENGTH) return folded || "article";
  const cut = folded.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/g, "");
}

/** `base`, then `base-2`, `base-3`, … : the first one `isTaken` refuses. */
export async function firstFreeSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw new Error(`No free slug for ${base}`);
}
