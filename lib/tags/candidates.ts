// New entities a text names that are not tags yet: capitalised word sequences (people, bodies,
// events), acronyms (ASEAN, KOICA) and countries from the built-in list, each with a guessed type
// and the sentence it came from. Heuristics, not a parser: an editor says yes or no to each.
import type { TagType } from "@/lib/generated/prisma/enums";
import { COUNTRY_BY_KEY, LONGEST_COUNTRY_NAME, type Country } from "./countries";
import { MAX_NAME_WORDS, splitSentences } from "./mentions";
import { normalizeForMatch } from "./normalize";
import {
  CONNECTORS,
  EVENT_WORDS,
  FAMILY_NAMES,
  MONTHS_AND_DAYS,
  NEVER_NAMES,
  NOT_ACRONYMS,
  ORGANISATION_WORDS,
  SHORT_ACRONYMS,
  STOP_WORDS,
  TITLES,
} from "./stop-lists";

export type Candidate = {
  label: string;
  normalized: string;
  type: TagType | null;
  sentence: string;
  /** Both labels when the name is a known country. */
  labels?: { fr: string; en: string };
};

type Word = { text: string; key: string; start: number; end: number };

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

function wordsOf(sentence: string): Word[] {
  return [...sentence.matchAll(WORD)].map((match) => ({
    text: match[0],
    key: normalizeForMatch(match[0]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const isCapitalised = (word: Word) => /^\p{Lu}/u.test(word.text);
const isAllCaps = (word: Word) => /^[\p{Lu}\p{N}]+$/u.test(word.text);

function isAcronym(word: Word): boolean {
  if (!/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(word.text) || (word.text.match(/\p{Lu}/gu)?.length ?? 0) < 2) return false;
  if (NOT_ACRONYMS.has(word.key)) return false;
  return word.text.length >= 3 || SHORT_ACRONYMS.has(word.key);
}

/** Words may form one name when only spaces, or an elided `l'`/`d'`, stand between them. */
function joinable(sentence: string, previous: Word, next: Word): boolean {
  const gap = sentence.slice(previous.end, next.start);
  if (/^[ \t\u00A0\u202F]+$/u.test(gap)) return true;
  return /^['’]$/u.test(gap) && (previous.key === "l" || previous.key === "d");
}

/** Runs of capitalised words, with connectors (`of`, `de`) allowed between two of them. */
function capitalisedRuns(sentence: string, words: Word[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  const close = () => {
    while (run.length > 0 && !isCapitalised(words[run[run.length - 1]!]!)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    const continues = run.length > 0 && joinable(sentence, words[run[run.length - 1]!]!, word);
    if (run.length > 0 && !continues) close();
    if (isCapitalised(word)) run.push(index);
    else if (run.length > 0 && CONNECTORS.has(word.key)) run.push(index);
    else close();
  }
  close();
  return runs;
}

function hasKeyword(keys: string[], list: ReadonlySet<string>): boolean {
  return keys.some((key) => list.has(key));
}

type Piece = { indexes: number[]; afterTitle: boolean };

/**
 * Cuts a run into names: months, days and sentence-initial function words go; a title (`Foreign
 * Minister`, `le ministre`) splits the run and marks what follows as a person's name, except
 * inside an institution's name (`Ministry of Foreign Affairs`).
 */
function namePieces(words: Word[], run: number[]): Piece[] {
  const owner = ownerSplit(words, run);
  if (owner) return [...namePieces(words, owner[0]), ...namePieces(words, owner[1])];
  const keys = run.map((index) => words[index]!.key);
  const institutional = hasKeyword(keys, ORGANISATION_WORDS) || hasKeyword(keys, EVENT_WORDS);
  const pieces: Piece[] = [];
  let current: number[] = [];
  let afterTitle = run[0]! > 0 && TITLES.has(words[run[0]! - 1]!.key);
  const flush = (nextAfterTitle: boolean) => {
    const trimmed = trimPiece(words, current);
    if (trimmed.length > 0) pieces.push({ indexes: trimmed, afterTitle });
    current = [];
    afterTitle = nextAfterTitle;
  };
  for (const index of run) {
    const word = words[index]!;
    const noise = MONTHS_AND_DAYS.has(word.key) || NEVER_NAMES.has(word.key) || (isAllCaps(word) && NOT_ACRONYMS.has(word.key));
    if (noise || (index === 0 && isSentenceOpener(word, run, institutional))) flush(false);
    else if (TITLES.has(word.key) && (!institutional || current.length === 0)) flush(true);
    else current.push(index);
  }
  flush(false);
  return pieces;
}

/**
 * `Kim Soo Jin of the ASEAN Secretariat`: a name, then the body it belongs to. Split at the first
 * connector when only what follows names an institution (`Ministry of Foreign Affairs` stays whole).
 */
function ownerSplit(words: Word[], run: number[]): [number[], number[]] | null {
  const institutional = (indexes: number[]) =>
    indexes.some((index) => ORGANISATION_WORDS.has(words[index]!.key) || EVENT_WORDS.has(words[index]!.key));
  const at = run.findIndex((index) => CONNECTORS.has(words[index]!.key) && !isCapitalised(words[index]!));
  if (at <= 0) return null;
  const before = run.slice(0, at);
  const after = run.slice(at);
  return !institutional(before) && institutional(after) ? [before, after] : null;
}

/** `Le Vietnam`, `La République`: an article; `Le Hoai Trung`: a family name. */
function isSentenceOpener(word: Word, run: number[], institutional: boolean): boolean {
  if (!STOP_WORDS.has(word.key)) return false;
  return !(FAMILY_NAMES.has(word.key) && run.length >= 3 && !institutional);
}

/** Connectors and lower-case words cannot start or end a name, nor can a title end one. */
function trimPiece(words: Word[], indexes: number[]): number[] {
  let first = 0;
  let last = indexes.length - 1;
  while (first <= last && !isCapitalised(words[indexes[first]!]!)) first++;
  // `Directive No. 15`: the abbreviation is not part of the name.
  const loseable = (word: Word) => !isCapitalised(word) || TITLES.has(word.key) || word.key === "no";
  while (last >= first && loseable(words[indexes[last]!]!)) last--;
  return indexes.slice(first, last + 1);
}

function guessType(keys: string[], afterTitle: boolean, acronym: boolean): TagType | null {
  if (acronym) return "ORGANISATION";
  if (hasKeyword(keys, EVENT_WORDS)) return "EVENT";
  if (hasKeyword(keys, ORGANISATION_WORDS)) return "ORGANISATION";
  if (keys.length >= 2 && keys.length <= 4 && (afterTitle || FAMILY_NAMES.has(keys[0]!))) return "PERSON";
  return null;
}

/** Countries named in a sentence (longest name first), capitalised as names are. */
function countriesIn(words: Word[]): { start: number; end: number; country: Country }[] {
  const found: { start: number; end: number; country: Country }[] = [];
  for (let start = 0; start < words.length;) {
    let matched = 0;
    for (let length = Math.min(LONGEST_COUNTRY_NAME, words.length - start); length >= 1; length--) {
      const slice = words.slice(start, start + length);
      const country = COUNTRY_BY_KEY.get(slice.map((word) => word.key).join(" "));
      if (!country || !isCapitalised(slice[0]!)) continue;
      // `US`, `UK`: short names count only in capitals, so the pronoun `us` is no country.
      if (slice.length === 1 && slice[0]!.text.length <= 3 && slice[0]!.text !== slice[0]!.text.toUpperCase()) continue;
      found.push({ start, end: start + length, country });
      matched = length;
      break;
    }
    start += matched || 1;
  }
  return found;
}

/**
 * Candidate entities of a text. `language` is the text's (labels of a new tag start in it).
 * A single ordinary capitalised word counts only when it appears twice inside sentences.
 */
export function extractCandidates(text: string): Candidate[] {
  const found = new Map<string, Candidate>();
  const singles = new Map<string, { candidate: Candidate; count: number }>();
  const nameWords = new Set<string>();
  const countriesSeen = new Set<Country>();

  for (const sentence of splitSentences(text)) {
    const words = wordsOf(sentence);
    const countries = countriesIn(words);
    const inCountry = new Set(countries.flatMap(({ start, end }) => Array.from({ length: end - start }, (_, offset) => start + offset)));
    for (const { start, end, country } of countries) {
      const label = sentence.slice(words[start]!.start, words[end - 1]!.end);
      const normalized = normalizeForMatch(label);
      if (countriesSeen.has(country)) continue;
      countriesSeen.add(country);
      if (!found.has(normalized))
        found.set(normalized, { label, normalized, type: "PLACE", sentence, labels: { fr: country.fr, en: country.en } });
    }

    for (const run of capitalisedRuns(sentence, words)) {
      for (const piece of namePieces(words, run)) {
        const outsideCountries = piece.indexes.filter((index) => !inCountry.has(index) && isCapitalised(words[index]!));
        if (outsideCountries.length < piece.indexes.filter((index) => isCapitalised(words[index]!)).length && outsideCountries.length <= 1)
          continue;
        // `WEF Davos`: the acronym is a candidate of its own too.
        if (piece.indexes.length > 1) {
          for (const index of piece.indexes) {
            const word = words[index]!;
            if (isAcronym(word) && !found.has(word.key))
              found.set(word.key, { label: word.text, normalized: word.key, type: "ORGANISATION", sentence });
          }
        }
        if (piece.indexes.length > MAX_NAME_WORDS) continue;
        const first = words[piece.indexes[0]!]!;
        const last = words[piece.indexes[piece.indexes.length - 1]!]!;
        const label = sentence.slice(first.start, last.end);
        const keys = piece.indexes.map((index) => words[index]!.key);
        const normalized = keys.join(" ");
        if (found.has(normalized)) continue;
        const acronym = keys.length === 1 && isAcronym(first);
        const candidate: Candidate = { label, normalized, type: guessType(keys, piece.afterTitle, acronym), sentence };
        if (keys.length > 1 || acronym) {
          found.set(normalized, candidate);
          if (keys.length > 1) keys.forEach((key) => nameWords.add(key));
          continue;
        }
        // One ordinary word: noise unless it recurs inside sentences and is no title or common word.
        if (
          piece.indexes[0] === 0 ||
          !/^\p{Lu}[\p{Ll}\p{M}]+$/u.test(first.text) ||
          TITLES.has(normalized) ||
          STOP_WORDS.has(normalized) ||
          ORGANISATION_WORDS.has(normalized) ||
          EVENT_WORDS.has(normalized) ||
          first.text.length < 3
        )
          continue;
        const seen = singles.get(normalized);
        if (seen) seen.count++;
        else singles.set(normalized, { candidate, count: 1 });
      }
    }
  }

  for (const [normalized, { candidate, count }] of singles) {
    if (count >= 2 && !found.has(normalized) && !nameWords.has(normalized)) found.set(normalized, candidate);
  }
  return [...found.values()];
}
