// The editable fields of a language version: what the editor sends, what a revision snapshots and
// what the history compares. Pure TypeScript (no database, no React) so client and server share it.
import type { JSONContent } from "@tiptap/core";

export type DatePrecision = "DAY" | "MONTH" | "YEAR";

/** The metadata fields, in the order the history lists their changes. */
export const METADATA_FIELDS = ["title", "slug", "standfirst", "datelinePlace", "storyDate", "sourceAgency", "seoDescription"] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

export type VersionMetadata = { title: string; slug: string } & { [K in Exclude<MetadataField, "title" | "slug">]: string | null };

/** Everything a revision keeps: the metadata, the body as stored and its derived plain text. */
export type VersionSnapshot = VersionMetadata & {
  storyDatePrecision: DatePrecision | null;
  bodyJson: JSONContent;
  bodyText: string;
};

export const SEO_DESCRIPTION_MAX = 160;
/** The body as the editor sends it (Tiptap JSON text): about 300,000 words of plain prose. */
export const MAX_BODY_JSON_LENGTH = 2_000_000;

const STORY_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' naming a real day, month or year; anything else is null. */
export function storyDatePrecision(value: string): DatePrecision | null {
  const match = STORY_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return Number(year) >= 1900 ? "YEAR" : null;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12 || Number(year) < 1900) return null;
  if (day === undefined) return "MONTH";
  const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
  return date.getUTCMonth() === monthNumber - 1 && date.getUTCDate() === Number(day) ? "DAY" : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * Reads a stored snapshot. Older snapshots (the import's first revision) lack some fields: they
 * read as empty rather than failing, so every revision can still be shown and compared.
 */
export function readSnapshot(value: unknown): VersionSnapshot {
  const record = typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  const precision = record.storyDatePrecision;
  const body = record.bodyJson;
  return {
    title: text(record.title) ?? "",
    slug: text(record.slug) ?? "",
    standfirst: text(record.standfirst),
    datelinePlace: text(record.datelinePlace),
    storyDate: text(record.storyDate),
    sourceAgency: text(record.sourceAgency),
    seoDescription: text(record.seoDescription),
    storyDatePrecision: precision === "DAY" || precision === "MONTH" || precision === "YEAR" ? precision : null,
    bodyJson: typeof body === "object" && body !== null ? (body as JSONContent) : { type: "doc", content: [] },
    bodyText: typeof record.bodyText === "string" ? record.bodyText : "",
  };
}

/** JSON with object keys sorted: PostgreSQL's jsonb reorders keys, so equality must not depend on order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === "object" && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** Same metadata and same body: a later write changed only workflow state (status, assignee). */
export function sameContent(a: VersionSnapshot, b: VersionSnapshot): boolean {
  return METADATA_FIELDS.every((field) => a[field] === b[field]) && canonicalJson(a.bodyJson) === canonicalJson(b.bodyJson);
}

/** The columns of an article version that make up its editable snapshot (what revisions store). */
export const SNAPSHOT_COLUMNS = {
  title: true,
  slug: true,
  standfirst: true,
  datelinePlace: true,
  storyDate: true,
  storyDatePrecision: true,
  sourceAgency: true,
  seoDescription: true,
  bodyJson: true,
  bodyText: true,
} as const;
