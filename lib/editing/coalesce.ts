// When a save makes a new revision and when it folds into the last one (pure; the service applies it).
export const COALESCE_WINDOW_MS = 5 * 60_000;
/** `Revision.note` of a revision written by autosave: only those may be folded into. */
export const AUTOSAVE_NOTE = "autosave";

export type LastRevision = { authorId: string | null; createdAt: Date; note: string | null };
export type SaveKind = { authorId: string; explicit: boolean; at: Date };

/**
 * Autosave fires every couple of seconds of idle typing; a revision per keystroke pause would
 * bury the history in near-identical snapshots. So an autosave updates the last revision when that
 * revision is itself an autosave by the same person, started less than five minutes ago: the
 * history keeps at most one autosave per person per five minutes, each holding its latest text.
 * A revision by someone else, an explicit "Save", an import or a restore is never rewritten (they
 * are the points people come back to), and an explicit "Save" always creates its own revision.
 * The window counts from the revision's creation, not its last update, so that a long session
 * still leaves a trail every five minutes.
 */
export function revisionPlan(last: LastRevision | null, save: SaveKind): "create" | "update" {
  if (save.explicit || !last) return "create";
  if (last.note !== AUTOSAVE_NOTE || last.authorId !== save.authorId) return "create";
  const age = save.at.getTime() - last.createdAt.getTime();
  return age >= 0 && age < COALESCE_WINDOW_MS ? "update" : "create";
}
