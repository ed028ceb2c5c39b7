// Pairing originals: two articles that arrived separately in two languages about the same event
// (same story date, same people, same tags, similar photo captions) are likely one story. Pure
// scoring; lib/translations/pairing-service.ts scans the database and stores suggestions.
import { foldForMatching } from "./text";

export type PairingCandidate = {
  articleId: string;
  language: string;
  storyDate: string | null;
  text: string;
  captions: string[];
  tagIds: string[];
};
export type PairingReason = { kind: "sameDate" | "sharedNames" | "sharedTags" | "similarCaptions"; detail: string };

export const PAIRING_THRESHOLD = 0.5;

/** Capitalised words that do not open a sentence (names of people, places, bodies), folded. */
export function capitalisedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(^|[.!?…:]\s+|\s+|["«“(]\s?)(\p{Lu}[\p{L}'’-]{2,})/gu)) {
    const opener = match[1] ?? "";
    if (opener === "" || /[.!?…:]/.test(opener)) continue;
    names.add(foldForMatching(match[2]!));
  }
  return names;
}

/** Words of captions that survive translation: names and numbers. */
export function captionTokens(captions: string[]): Set<string> {
  const tokens = new Set<string>();
  for (const caption of captions)
    for (const match of caption.matchAll(/\p{Lu}[\p{L}'’-]{2,}|\d{2,}/gu)) tokens.add(foldForMatching(match[0]));
  return tokens;
}

function shared(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((item) => b.has(item));
}

/** |A ∩ B| / min(|A|, |B|): a short text fully contained in a longer one still scores 1. */
function overlap(a: Set<string>, b: Set<string>): number {
  const smaller = Math.min(a.size, b.size);
  return smaller === 0 ? 0 : shared(a, b).length / smaller;
}

export function scorePairing(a: PairingCandidate, b: PairingCandidate): { score: number; reasons: PairingReason[] } {
  if (a.language === b.language) return { score: 0, reasons: [] };
  const reasons: PairingReason[] = [];
  let score = 0;
  if (a.storyDate && a.storyDate === b.storyDate) {
    score += 0.35;
    reasons.push({ kind: "sameDate", detail: a.storyDate });
  }
  const namesA = capitalisedNames(a.text);
  const namesB = capitalisedNames(b.text);
  const commonNames = shared(namesA, namesB);
  if (commonNames.length >= 2) {
    score += 0.35 * overlap(namesA, namesB);
    reasons.push({ kind: "sharedNames", detail: commonNames.slice(0, 8).join(", ") });
  }
  const commonTags = shared(new Set(a.tagIds), new Set(b.tagIds));
  if (commonTags.length) {
    score += 0.15 * overlap(new Set(a.tagIds), new Set(b.tagIds));
    reasons.push({ kind: "sharedTags", detail: String(commonTags.length) });
  }
  const captionsA = captionTokens(a.captions);
  const captionsB = captionTokens(b.captions);
  const commonCaption = shared(captionsA, captionsB);
  if (commonCaption.length) {
    score += 0.15 * overlap(captionsA, captionsB);
    reasons.push({ kind: "similarCaptions", detail: commonCaption.slice(0, 8).join(", ") });
  }
  return { score: Math.round(score * 100) / 100, reasons };
}
