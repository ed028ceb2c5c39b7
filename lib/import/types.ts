// Shared result types of the wire-text import pipeline (the JSON shape the CLI prints).
import type { RefusalReason } from "@/lib/refusal";
import type { AgencyForm } from "./agencies";

export type Language = "fr" | "en" | "vi" | "und";

export type ChangeKind =
  | "stray-byte-repaired"
  | "blank-lines-collapsed"
  | "line-breaks-joined"
  | "trailer-removed"
  | "signoff-removed"
  | "caption-extracted"
  | "title-repeat-removed"
  | "duplicate-block-removed"
  | "dateline-removed"
  | "glued-sentence-split"
  | "missing-space-inserted"
  | "glued-word-split"
  | "link-removed"
  | "page-chrome-removed"
  | "section-label-read"
  | "date-line-removed"
  | "repeat-removed"
  | "caption-guessed"
  | "boilerplate-learnt";

export interface Change {
  /** Stable for the same input: `${kind}:${hash of before}` plus `:n` for the n-th identical one. */
  id: string;
  kind: ChangeKind;
  before: string;
  /** Absent when the text was removed (or moved out of the body, as captions are). */
  after?: string;
  /** boilerplate-learnt: how many files from this source print the line. */
  files?: number;
}

export interface Caption {
  text: string;
  credit: string | null;
}

export interface Dateline {
  place: string;
  source: string | null;
}

export type DatePrecision = "day" | "month" | "year";

export interface ArticleDate {
  /** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' according to precision. */
  value: string;
  precision: DatePrecision;
}

export interface ParsedArticle {
  language: Language;
  title: string;
  titleSuggested: boolean;
  /** A label printed above the headline ("Politique", "ASEAN"), suggested as the section; null when none. */
  section: string | null;
  lead: string | null;
  dateline: Dateline | null;
  date: ArticleDate | null;
  paragraphs: string[];
  captions: Caption[];
  changes: Change[];
  warnings: string[];
  hash: string;
  nearDuplicateSignature: number[];
  rawText: string;
}

/** A refused file says why as a code of lib/refusal.ts, shown in the reader's language where it is shown. */
export type ImportResult = { ok: true; article: ParsedArticle } | { ok: false; refusal: RefusalReason };

export interface ImportOptions {
  /** Not read by the pipeline (a refusal names no file: the caller shows the name beside it); kept for callers' symmetry. */
  fileName?: string;
  /** Ids of changes to leave un-applied (an editor's undo). */
  revertChanges?: readonly string[];
  /**
   * Lines this file's source prints in many files (boilerplate.ts): line key -> files printing it.
   * Only lines to remove: the caller leaves out those under the threshold and those a person restored.
   */
  boilerplate?: ReadonlyMap<string, number>;
  /** Agency forms the desk added (import_agency_forms), read with the built-in registry (agencies.ts). */
  agencyForms?: readonly AgencyForm[];
}
