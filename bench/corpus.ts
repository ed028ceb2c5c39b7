// A realistic synthetic corpus, deterministic from a seed: sentences, captions and names are drawn
// from the sample wire articles (run through the real import pipeline), so titles, bodies and
// search terms look like the desk's own copy in French and English.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importWireText } from "@/lib/import";

export type Rng = () => number;

/** mulberry32: small, fast and good enough for test data; the same seed gives the same corpus. */
export function seededRandom(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

export type Vocabulary = { sentences: string[]; titles: string[]; captions: { text: string; credit: string | null }[] };

/** Sentences and captions per language from the sample articles. */
export function loadVocabulary(
  samplesDir = path.join(import.meta.dirname, "..", "seed", "sample-articles"),
): Record<"fr" | "en", Vocabulary> {
  const vocabulary = { fr: { sentences: [], titles: [], captions: [] }, en: { sentences: [], titles: [], captions: [] } } as Record<
    "fr" | "en",
    Vocabulary
  >;
  for (const file of readdirSync(samplesDir).filter((name) => name.endsWith(".txt"))) {
    const result = importWireText(new Uint8Array(readFileSync(path.join(samplesDir, file))), { fileName: file });
    if (!result.ok || (result.article.language !== "fr" && result.article.language !== "en")) continue;
    const target = vocabulary[result.article.language];
    const sentences = result.article.paragraphs
      .flatMap((paragraph) => paragraph.split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý«“"])/u))
      .filter((sentence) => sentence.length > 30);
    target.sentences.push(...sentences);
    target.titles.push(result.article.title, ...sentences.filter((sentence) => sentence.length < 120));
    target.captions.push(...result.article.captions);
  }
  return vocabulary;
}

const TAG_NAMES: [string, string, string][] = [
  ["PERSON", "Bui Thanh Son", "Bui Thanh Son"],
  ["ORGANISATION", "ASEAN", "ASEAN"],
  ["PLACE", "Japon", "Japan"],
  ["PLACE", "République de Corée", "Republic of Korea"],
  ["TOPIC", "Diplomatie économique", "Economic diplomacy"],
  ["PLACE", "Hanoï", "Hanoi"],
  ["ORGANISATION", "Nations unies", "United Nations"],
  ["TOPIC", "Coopération régionale", "Regional cooperation"],
  ["EVENT", "Conférence diplomatique", "Diplomatic conference"],
  ["PLACE", "Laos", "Laos"],
];

/** 300 tags: the real ones above plus numbered topics, so tag pages have realistic sizes. */
export function tagDefinitions(count = 300): { type: string; fr: string; en: string }[] {
  const tags = TAG_NAMES.map(([type, fr, en]) => ({ type, fr, en }));
  for (let n = tags.length; n < count; n++) tags.push({ type: "TOPIC", fr: `Dossier ${n}`, en: `Topic ${n}` });
  return tags;
}
