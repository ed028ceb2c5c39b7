// Glued sentences and punctuation: a lost space after a full stop ("d’aujourd’hui.Le ministre")
// or after a comma, semicolon or ellipsis ("fashion,according"), leaving numbers, abbreviations,
// initials and web addresses alone.
import type { ChangeLog } from "./change-log";

// Two lower-case letters, a digit or a closing bracket/quote, then sentence punctuation, then a
// capitalised word: "hui.Le", "2022.Le", "(KOICA).Le". "U.S.Army" and "1.5" do not qualify.
const GLUED_SENTENCE = /(?<=\p{Ll}\p{Ll}|\p{N}|[)\]»”"’])([.!?]+|…)(?=[«"“]?\p{Lu}\p{Ll})/gu;
// ",according", "l’ASEAN…et": a letter on both sides, so "1,5" and "3,000" stay.
const GLUED_PUNCTUATION = /(?<=\p{L}|[)»”"])([,;]|…|\.\.\.)(?=\p{L})/gu;

const ABBREVIATIONS = new Set(
  "mr mrs ms dr st mme mlle mgr pr prof gen col lt sgt gov sen rep jr sr inc ltd co corp no vol art fig etc vs cf av apr env ex dept univ assoc".split(
    " ",
  ),
);
const WEB_ADDRESS = /^(?:https?:|www\.)|@|\.(?:com|vn|org|net|gov|int|fr|info|edu|asia|io)(?:[/.:]|$)/iu;

// Longer than any abbreviation above. The word is read back from the full stop through this
// window only: matching /\p{L}+$/ on the whole token before it made a run-on token of many
// sentences quadratic (16 KB without spaces took 2.5 s).
const ABBREVIATION_WINDOW = 8;
const LETTER_AT_END = /\p{L}+$/u;

function wordBefore(token: string, index: number): string {
  const window = token.slice(Math.max(0, index - ABBREVIATION_WINDOW - 1), index);
  return (LETTER_AT_END.exec(window)?.[0] ?? "").toLowerCase();
}

function splitGluedSentences(token: string): string {
  return token.replace(GLUED_SENTENCE, (punctuation: string, _group: string, offset: number) =>
    ABBREVIATIONS.has(wordBefore(token, offset)) ? punctuation : `${punctuation} `,
  );
}

function spaceGluedPunctuation(token: string): string {
  return token.replace(GLUED_PUNCTUATION, (punctuation: string) => `${punctuation} `);
}

// Both repairs need punctuation with something after it in the token: most tokens (a word, a word
// and its comma) have none, and skip the two look-behind replaces.
const PUNCTUATION_INSIDE = /[.!?…,;][^]/;

function repairToken(token: string, log: ChangeLog): string {
  if (!PUNCTUATION_INSIDE.test(token) || WEB_ADDRESS.test(token)) return token;
  let repaired = token;
  const sentences = splitGluedSentences(repaired);
  if (sentences !== repaired && log.propose("glued-sentence-split", repaired, sentences)) repaired = sentences;
  // Each half is its own token now, so a word and a comma glued to it are judged separately.
  const pieces = repaired.split(" ").map((piece) => {
    const spaced = spaceGluedPunctuation(piece);
    return spaced !== piece && log.propose("missing-space-inserted", piece, spaced) ? spaced : piece;
  });
  return pieces.join(" ");
}

export function repairGluedSentences(paragraph: string, log: ChangeLog): string {
  return paragraph
    .split(" ")
    .map((token) => repairToken(token, log))
    .join(" ");
}
