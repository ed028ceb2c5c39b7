// Sentence splitting and alignment for the translation memory: a source paragraph and its
// translation with the same number of sentences are paired sentence by sentence, otherwise the
// whole paragraphs are paired. Pure.
const ABBREVIATIONS = new Set([
  "m",
  "mm",
  "mme",
  "mmes",
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "prof",
  "gen",
  "gén",
  "no",
  "n°",
  "etc",
  "vs",
  "p",
  "art",
  "ex",
  "jr",
  "sr",
  "co",
  "inc",
  "ltd",
]);

export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?…]+["»”’)]*\s+(?=[«"“(]?\s?[\p{Lu}\d])/gu;
  for (let match = boundary.exec(text); match; match = boundary.exec(text)) {
    const before = text.slice(start, match.index);
    const lastWord = (before.match(/([\p{L}°]+)$/u)?.[1] ?? "").toLowerCase();
    // "M. Nguyen", "St. Petersburg", an initial "H. Son": not the end of a sentence.
    if (text[match.index] === "." && (ABBREVIATIONS.has(lastWord) || (/^\p{Lu}$/u.test(before.slice(-1)) && lastWord.length === 1)))
      continue;
    const end = match.index + match[0].length;
    sentences.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter((sentence) => sentence !== "");
}

export type SegmentPair = { source: string; target: string };

export function alignSentences(source: string, target: string): SegmentPair[] {
  if (source.trim() === "" || target.trim() === "") return [];
  const sourceSentences = splitSentences(source);
  const targetSentences = splitSentences(target);
  if (sourceSentences.length === targetSentences.length && sourceSentences.length > 1) {
    return sourceSentences.map((sentence, index) => ({ source: sentence, target: targetSentences[index]! }));
  }
  return [{ source: source.trim(), target: target.trim() }];
}
