// Change log: gives every proposed cleaning change a stable id and says whether to apply it,
// so an editor can undo any single change by re-running the pipeline with its id reverted.
import type { Change, ChangeKind } from "./types";

/** FNV-1a over UTF-16 code units: short, deterministic, no dependency. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

export class ChangeLog {
  readonly applied: Change[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly reverted: ReadonlySet<string> = new Set()) {}

  /**
   * Registers a change and returns true when the caller should apply it. The id depends only on
   * the kind, the text it touches and how many identical changes came before it, so undoing
   * one change does not renumber the others.
   */
  propose(kind: ChangeKind, before: string, after?: string, detail: Pick<Change, "files"> = {}): boolean {
    const base = `${kind}:${shortHash(before)}`;
    const occurrence = (this.seen.get(base) ?? 0) + 1;
    this.seen.set(base, occurrence);
    const id = occurrence === 1 ? base : `${base}:${occurrence}`;
    if (this.reverted.has(id)) return false;
    this.applied.push({ ...(after === undefined ? { id, kind, before } : { id, kind, before, after }), ...detail });
    return true;
  }
}
