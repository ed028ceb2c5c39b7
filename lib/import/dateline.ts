// Datelines: "Hanoï (VNA) –", "Hanoï, 6 juillet (VNA) -", "Ho Chi Minh City (VNA) —",
// "WVR - On the evening of …, in Hanoi, …": where a paragraph's dateline ends and what it says.

import { agencies } from "./agencies";

export interface DatelineMatch {
  place: string;
  source: string | null;
  /** Day and month written inside the dateline ("6 juillet"), if any. */
  dayText: string | null;
  /** The dateline prefix as written, including the dash and following space. */
  prefix: string;
}

const DASH = "[-–—‒―]";
// Capital then lower case: "Hanoï", "Ho Chi Minh City". Inside a line an acronym ("VNA" ending
// a caption credit) must not start a place, so only a paragraph-initial place may be in capitals.
const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’]*";
const ANY_CASE_NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’]*";
// Up to five capitalised words, with the lower-case links of place names ("Rio de Janeiro").
const placeOf = (word: string): string => `${word}(?:(?:[ -]|\\s(?:de|du|des|da|do|del|es|el|al|la|le|sur|upon|am)\\s)${word}){0,4}`;
const PLACE = placeOf(NAME_WORD);
const PARAGRAPH_START_PLACE = placeOf(ANY_CASE_NAME_WORD);
const AGENCY = "\\p{Lu}[\\p{L}/&. ]{0,18}?";
const DAY_TEXT = "[^,()\\n]{1,30}?";

/** "Place[, day] (AGENCY) –" */
const PLACE_AGENCY = new RegExp(`^(${PARAGRAPH_START_PLACE})(?:,\\s*(${DAY_TEXT}))?\\s*\\((${AGENCY})\\)\\s*${DASH}\\s*`, "u");
/** Same shape anywhere in a line (the header line may hold a caption before it). */
const PLACE_AGENCY_INSIDE = new RegExp(`(?:^|\\s)(${PLACE})(?:,\\s*(${DAY_TEXT}))?\\s*\\((${AGENCY})\\)\\s*${DASH}\\s*\\S`, "u");

// A bare acronym and a dash opens copy only for a known agency ("WVR - ", "VOV.VN - "), and
// "(VOVworld) – " names no place: both read the registry, not any capitalised word.
// Built from the registry in force (the desk may add forms), once per registry.
const agencyDatelines = () =>
  agencies().derive("dateline", (combination) => ({
    bare: new RegExp(`^(${combination})\\s*${DASH}\\s+`, "u"),
    only: new RegExp(`^\\((${combination})\\)\\s*${DASH}\\s*`, "u"),
  }));

/** "Hanoï – Le ministre …": place then a spaced dash, no agency. */
const PLACE_ONLY = new RegExp(`^(${PLACE})(?:,\\s*(${DAY_TEXT}))?\\s+${DASH}\\s+(?=[\\p{Lu}«"“])`, "u");
// Sentence openers that look like capitalised place names but are not.
const NOT_A_PLACE = /^(?:Le|La|Les|L’|L'|Un|Une|Des|The|A|An|This|These|Ce|Cette|Il|Elle|Selon|According|In|En|On)\b/u;

/** ", in Hanoi," / ", à Hanoï," early in the first sentence of a bare-agency dateline. */
const PLACE_IN_OPENING = new RegExp(`^[^.]{0,80}?(?:^|,\\s*)(?:in|at|à|au)\\s+(${PLACE})\\s*,`, "u");

export function matchDateline(paragraph: string): DatelineMatch | null {
  const placed = PLACE_AGENCY.exec(paragraph);
  if (placed) {
    const [prefix, place = "", dayText, source = ""] = placed;
    return { place: place.trim(), source: source.trim(), dayText: dayText?.trim() ?? null, prefix };
  }
  const { bare: bareAgency, only: agencyOnly } = agencyDatelines();
  const bare = bareAgency.exec(paragraph) ?? agencyOnly.exec(paragraph);
  if (bare) {
    const [prefix, source = ""] = bare;
    const rest = paragraph.slice(prefix.length);
    const place = PLACE_IN_OPENING.exec(rest)?.[1] ?? "";
    return { place, source, dayText: null, prefix };
  }
  const placeOnly = PLACE_ONLY.exec(paragraph);
  if (placeOnly && !NOT_A_PLACE.test(paragraph)) {
    const [prefix, place = "", dayText] = placeOnly;
    return { place: place.trim(), source: null, dayText: dayText?.trim() ?? null, prefix };
  }
  return null;
}

/** Index where a "Place (AGENCY) –" dateline starts inside a line, or -1. */
export function findDatelineStart(line: string): number {
  if (PLACE_AGENCY.test(line)) return 0;
  const match = PLACE_AGENCY_INSIDE.exec(line);
  if (!match) return -1;
  return match.index + (match[0].startsWith(" ") ? 1 : 0);
}
