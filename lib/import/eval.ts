// Quality measure of the import pipeline: runs every annotated file of lib/import/corpus/ and
// scores each field against its sidecar JSON (what an editor would have kept by hand).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { importWireText } from "./index";
import type { Caption, Dateline, ParsedArticle } from "./types";

export const CORPUS_DIR = path.join(path.dirname(new URL(import.meta.url).pathname), "corpus");

/** The sidecar `<name>.json` beside `<name>.txt`: what the clean article must be. */
export interface Expected {
  /** What the file exercises (documentation only). */
  kinds: string[];
  /** The headline, or null when the copy has none (the title must then be marked suggested). */
  title: string | null;
  /** A label printed above the headline ("Nouvel An", "Politics"), or absent/null. */
  section?: string | null;
  date: string | null;
  dateline: Dateline | null;
  lead: string | null;
  paragraphs: string[];
  captions: Caption[];
  /** Lines that follow the story or sit in it as page chrome: out of the body, kept in the record. */
  trailers: string[];
  /** The agency sign-off as written at the end ("-AVI", "VNA/CVN"), or null. */
  signoff: string | null;
  /** Glued words and their repair: [["thediplomatic", "the diplomatic"]]. */
  glued: [string, string][];
}

export interface FileScore {
  name: string;
  /** Field → right or wrong; a field the file does not exercise is absent. */
  fields: Record<string, boolean>;
  gluedExpected: number;
  gluedRepaired: number;
  wronglySplit: string[];
  refused: boolean;
}

export const FIELDS = ["title", "section", "date", "dateline", "lead", "paragraphs", "captions", "trailers", "signoff"] as const;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const squash = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The line left the body through a recorded change (so the review screen shows it and can restore it). */
function recorded(article: ParsedArticle, line: string): boolean {
  const wanted = squash(line);
  return article.changes.some((change) => squash(change.before).includes(wanted) && !squash(change.after ?? "").includes(wanted));
}

export function scoreFile(name: string, bytes: Uint8Array, expected: Expected): FileScore {
  const result = importWireText(bytes);
  const gluedExpected = expected.glued.length;
  if (!result.ok) {
    const fields: Record<string, boolean> = {};
    for (const field of FIELDS) fields[field] = false;
    return { name, fields, gluedExpected, gluedRepaired: 0, wronglySplit: [], refused: true };
  }
  const article = result.article;
  const visible = [article.title, article.lead ?? "", ...article.paragraphs, ...article.captions.map((caption) => caption.text)];
  const visibleText = squash(visible.join("\n"));
  const body = squash([article.lead ?? "", ...article.paragraphs].join("\n"));
  const fields: Record<string, boolean> = {
    title: expected.title === null ? article.titleSuggested : !article.titleSuggested && article.title === expected.title,
    date: (article.date?.value ?? null) === expected.date,
    dateline: same(article.dateline, expected.dateline),
    lead: article.lead === expected.lead,
    paragraphs: same(article.paragraphs, expected.paragraphs),
    captions: same(article.captions, expected.captions),
  };
  if (expected.section) fields.section = (article as { section?: string | null }).section === expected.section;
  if (expected.trailers.length > 0) {
    fields.trailers = expected.trailers.every((line) => !visibleText.includes(squash(line)) && recorded(article, line));
  }
  if (expected.signoff !== null) {
    const signoff = squash(expected.signoff);
    fields.signoff =
      !body.includes(signoff) && article.changes.some((change) => change.kind === "signoff-removed" && change.before.includes(signoff));
  }
  const gluedRepaired = expected.glued.filter(
    ([glued, repaired]) => body.includes(repaired) && !new RegExp(`(?<!\\p{L})${glued}(?!\\p{L})`, "u").test(body),
  ).length;
  const expectedSplits = new Set(expected.glued.map(([glued]) => glued));
  const wronglySplit = article.changes
    .filter((change) => change.kind === "glued-word-split" && !expectedSplits.has(change.before))
    .map((change) => `${change.before} → ${change.after ?? ""}`);
  return { name, fields, gluedExpected, gluedRepaired, wronglySplit, refused: false };
}

export interface CorpusReport {
  files: FileScore[];
  /** Field → share of the files exercising it that came out right (0–1), and how many did. */
  accuracy: Record<string, { right: number; of: number; share: number }>;
}

export function loadCorpus(dir: string = CORPUS_DIR): { name: string; bytes: Uint8Array; expected: Expected }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({
      name: file,
      bytes: readFileSync(path.join(dir, file)),
      expected: JSON.parse(readFileSync(path.join(dir, file.replace(/\.txt$/, ".json")), "utf8")) as Expected,
    }));
}

export function evaluateCorpus(dir: string = CORPUS_DIR): CorpusReport {
  const files = loadCorpus(dir).map(({ name, bytes, expected }) => scoreFile(name, bytes, expected));
  const accuracy: CorpusReport["accuracy"] = {};
  const share = (right: number, of: number) => ({ right, of, share: of === 0 ? 1 : right / of });
  for (const field of FIELDS) {
    const scored = files.filter((file) => field in file.fields);
    accuracy[field] = share(scored.filter((file) => file.fields[field]).length, scored.length);
  }
  const gluedOf = files.reduce((sum, file) => sum + file.gluedExpected, 0);
  accuracy.gluedWords = share(
    files.reduce((sum, file) => sum + file.gluedRepaired, 0),
    gluedOf,
  );
  accuracy.noWrongSplit = share(files.filter((file) => file.wronglySplit.length === 0).length, files.length);
  return { files, accuracy };
}
