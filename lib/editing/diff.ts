// Readable differences between two snapshots of a version: which metadata fields changed, and a
// word-level diff of the body's plain text with long unchanged stretches folded away.
import { diffWords } from "diff";
import { canonicalJson, METADATA_FIELDS, type MetadataField, type VersionSnapshot } from "./fields";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string } | { kind: "gap"; words: number };
export type FieldChange = { field: MetadataField; before: string | null; after: string | null };
export type SnapshotDiff = {
  fields: FieldChange[];
  body: DiffPart[];
  wordsAdded: number;
  wordsRemoved: number;
  /** The text is the same but the formatting (marks, links, headings) or the block ids changed. */
  formattingOnly: boolean;
};

type Diffable = Pick<VersionSnapshot, MetadataField | "bodyText" | "bodyJson">;

/** Unchanged words kept either side of a change, for context. */
const CONTEXT_WORDS = 12;
/** A very different long text could take seconds to diff word by word: past this, show it as replaced. */
const DIFF_TIMEOUT_MS = 1500;

export function diffSnapshots(before: Diffable, after: Diffable, context = CONTEXT_WORDS): SnapshotDiff {
  const fields = METADATA_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null)).map((field) => ({
    field,
    before: before[field] ?? null,
    after: after[field] ?? null,
  }));
  const { body, wordsAdded, wordsRemoved } = diffText(before.bodyText, after.bodyText, context);
  const formattingOnly = before.bodyText === after.bodyText && canonicalJson(before.bodyJson) !== canonicalJson(after.bodyJson);
  return { fields, body, wordsAdded, wordsRemoved, formattingOnly };
}

export function hasChanges(diff: SnapshotDiff): boolean {
  return diff.fields.length > 0 || diff.wordsAdded > 0 || diff.wordsRemoved > 0 || diff.formattingOnly;
}

export function diffText(
  before: string,
  after: string,
  context = CONTEXT_WORDS,
): Pick<SnapshotDiff, "body" | "wordsAdded" | "wordsRemoved"> {
  if (before === after) return { body: [], wordsAdded: 0, wordsRemoved: 0 };
  const changes = diffWords(before, after, { timeout: DIFF_TIMEOUT_MS }) ?? [
    { value: before, added: false, removed: true, count: 0 },
    { value: after, added: true, removed: false, count: 0 },
  ];
  const parts: DiffPart[] = [];
  let wordsAdded = 0;
  let wordsRemoved = 0;
  changes.forEach((change, index) => {
    if (change.added) {
      wordsAdded += countWords(change.value);
      parts.push({ kind: "added", text: change.value });
    } else if (change.removed) {
      wordsRemoved += countWords(change.value);
      parts.push({ kind: "removed", text: change.value });
    } else {
      const keepStart = index === 0 ? 0 : context;
      const keepEnd = index === changes.length - 1 ? 0 : context;
      parts.push(...foldUnchanged(change.value, keepStart, keepEnd));
    }
  });
  return { body: parts.filter((part) => part.kind === "gap" || part.text !== ""), wordsAdded, wordsRemoved };
}

/** Words are runs of letters and digits (l’ambassadeur is one); punctuation alone is not a word. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Keeps `keepStart` words at the start and `keepEnd` at the end of an unchanged stretch. */
function foldUnchanged(text: string, keepStart: number, keepEnd: number): DiffPart[] {
  const lead = /^\s*/.exec(text)?.[0] ?? "";
  const words = text.slice(lead.length).match(/\S+\s*/g) ?? [];
  const hidden = words.length - keepStart - keepEnd;
  // Folding a handful of words saves nothing and makes the diff harder to read.
  if (hidden <= 3) return [{ kind: "same", text }];
  return [
    { kind: "same", text: lead + words.slice(0, keepStart).join("") },
    { kind: "gap", words: hidden },
    { kind: "same", text: keepEnd > 0 ? words.slice(-keepEnd).join("") : "" },
  ];
}
