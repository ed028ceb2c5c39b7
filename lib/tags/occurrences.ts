// How often a suggested name occurs in an article's text, for the tag chips: whole words only,
// ignoring case and accents (the extractor matched it so), at least once (it was found there).
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("fr");
}

export function countOccurrences(text: string, name: string): number {
  const needle = fold(name.trim());
  if (!needle) return 0;
  const haystack = fold(text);
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) count += 1;
  }
  return Math.max(count, 1);
}
