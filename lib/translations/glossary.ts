// Glossary matching: which approved terms occur in a source paragraph, and which of them the
// translation of that paragraph does not use. Case and diacritics are ignored. Pure.
import { foldForMatching } from "./text";

export type GlossaryEntry = { id: string; termFr: string; termEn: string; note: string | null };
export type GlossaryHit = { id: string; source: string; target: string; note: string | null; used: boolean };

/** Which side of the FR<->EN glossary a language reads; other languages have no glossary yet. */
export function glossarySide(language: string): "termFr" | "termEn" | null {
  return language === "fr" ? "termFr" : language === "en" ? "termEn" : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The term as a whole word or phrase inside already-folded text. */
export function containsTerm(foldedText: string, term: string): boolean {
  const folded = foldForMatching(term);
  if (!folded) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(folded)}($|[^\\p{L}\\p{N}])`, "u").test(foldedText);
}

export function glossaryHits(
  entries: GlossaryEntry[],
  sourceLanguage: string,
  targetLanguage: string,
  sourceText: string,
  targetText: string,
): GlossaryHit[] {
  const from = glossarySide(sourceLanguage);
  const to = glossarySide(targetLanguage);
  if (!from || !to || from === to) return [];
  const source = foldForMatching(sourceText);
  const target = foldForMatching(targetText);
  return entries
    .filter((entry) => containsTerm(source, entry[from]))
    .map((entry) => ({ id: entry.id, source: entry[from], target: entry[to], note: entry.note, used: containsTerm(target, entry[to]) }));
}
