"use client";
// Saving the editor's draft: autosave after two seconds without typing, the explicit Save, and the
// outcome the page shows (saved, failed, conflict). One request at a time; edits made while a save
// is in flight are saved by the next one, so nothing typed is ever dropped. A save refused because
// someone saved in between is merged with theirs (lib/editing/three-way-merge) and saved again when
// no part was changed on both sides; otherwise nothing is saved until the person settles those parts.
import { useCallback, useEffect, useRef, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import { initialActionState } from "@/lib/action-state";
import { MAX_BODY_JSON_LENGTH, type VersionMetadata, type VersionSnapshot } from "@/lib/editing/fields";
import { saveVersion } from "@/lib/editing/actions";
import type { CurrentVersion, SaveOutcome } from "@/lib/editing/service";
import { mergeVersions, resolveMerge, type MergeResult, type MergeSide, type Resolutions } from "@/lib/editing/three-way-merge";
import { reportVersion } from "./newest-version";

export const AUTOSAVE_DELAY_MS = 2000;

export type SaveMode = "autosave" | "save" | "overwrite";
export type Draft = { metadata: VersionMetadata; body: JSONContent; text: string };
export type SaveStatus =
  | { kind: "clean" }
  | { kind: "dirty" }
  | { kind: "saving" }
  /** `mergedWith`: this save merged another person's changes (their name, or null when unknown). */
  | { kind: "saved"; at: string; mergedWith?: string | null }
  | { kind: "failed"; reason: string }
  | { kind: "conflict" };
/** Parts both sides changed: `merge` holds everything else already merged, `mine` the person's whole text. */
export type Conflict = { current: CurrentVersion; mine: Draft; merge: MergeResult };

type Base = { version: number; snapshot: VersionSnapshot };

function asOutcome(data: unknown): SaveOutcome | null {
  const status = (data as { status?: unknown } | undefined)?.status;
  return status === "saved" || status === "conflict" ? (data as SaveOutcome) : null;
}

type Options = {
  versionId: string;
  initial: Base;
  autosave: boolean;
  readDraft: () => Draft;
  /** Puts a merged version into the editor (fields and body) without counting it as typing. */
  applyDraft: (side: MergeSide) => void;
  networkError: string;
  /** The refusal shown for a body over MAX_BODY_JSON_LENGTH, given by how many characters. */
  bodyTooLarge: (overBy: number) => string;
  /** After a save the server holds a newer version: panels rendered on the server must re-read it. */
  onSaved?: () => void;
};

function sideOf(snapshot: VersionSnapshot): MergeSide {
  const { storyDatePrecision: _derived, bodyJson, bodyText: _text, ...metadata } = snapshot;
  return { metadata, body: bodyJson };
}

export function useVersionSave({ versionId, initial, autosave, readDraft, applyDraft, networkError, bodyTooLarge, onSaved }: Options) {
  const base = useRef<Base>(initial);
  const edits = useRef(0);
  const inFlight = useRef(false);
  const queued = useRef<SaveMode | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflictRef = useRef<Conflict | null>(null);
  /** Set while saving the result of a merge: whose changes it took in. */
  const mergedWith = useRef<{ name: string | null } | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: "clean" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [slugSuggestion, setSlugSuggestion] = useState<string | null>(null);
  const [conflict, setConflictState] = useState<Conflict | null>(null);

  const setConflict = useCallback((value: Conflict | null) => {
    conflictRef.current = value;
    setConflictState(value);
  }, []);

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const save = useCallback(
    async (mode: SaveMode): Promise<void> => {
      clearTimer();
      if (conflictRef.current && mode !== "overwrite") return;
      if (inFlight.current) {
        // An explicit save asked for during an autosave runs right after it.
        if (mode !== "autosave" || !queued.current) queued.current = mode;
        return;
      }
      const draft = readDraft();
      const body = JSON.stringify(draft.body);
      if (body.length > MAX_BODY_JSON_LENGTH) {
        // Not sent: the server would refuse it, and the text stays in the page either way.
        setStatus({ kind: "failed", reason: bodyTooLarge(body.length - MAX_BODY_JSON_LENGTH) });
        return;
      }
      inFlight.current = true;
      const editsAtStart = edits.current;
      const form = new FormData();
      form.set("versionId", versionId);
      form.set("baseVersion", String(base.current.version));
      form.set("mode", mode);
      for (const [field, value] of Object.entries(draft.metadata)) form.set(field, value ?? "");
      form.set("body", body);
      const { bodyText: _derived, ...baseFields } = base.current.snapshot;
      form.set("base", JSON.stringify(baseFields));
      setStatus({ kind: "saving" });

      let outcome: SaveOutcome | null = null;
      let failure: { reason: string; errors: Record<string, string[]>; suggestion: string | null } | null = null;
      try {
        const result = await saveVersion(initialActionState, form);
        outcome = asOutcome(result.data);
        if (!result.ok && outcome?.status !== "conflict") {
          const firstFieldError = Object.values(result.errors ?? {})[0]?.[0];
          const suggestion = (result.data as { slugSuggestion?: unknown } | undefined)?.slugSuggestion;
          failure = {
            reason: firstFieldError ?? result.message ?? networkError,
            errors: result.errors ?? {},
            suggestion: typeof suggestion === "string" ? suggestion : null,
          };
          outcome = null;
        }
      } catch {
        failure = { reason: networkError, errors: {}, suggestion: null };
      } finally {
        inFlight.current = false;
      }

      if (outcome?.status === "saved") {
        base.current = { version: outcome.version, snapshot: outcome.snapshot };
        // The workflow panel sends this number from now on, before its server render catches up.
        reportVersion(versionId, outcome.version);
        setErrors({});
        setSlugSuggestion(null);
        if (edits.current === editsAtStart) setStatus({ kind: "saved", at: outcome.savedAt, mergedWith: mergedWith.current?.name });
        else setStatus({ kind: "dirty" });
        mergedWith.current = null;
        onSaved?.();
      } else if (outcome?.status === "conflict") {
        // Read again rather than reuse `draft`: keystrokes typed while the request was out are kept too.
        const mine = readDraft();
        const { current } = outcome;
        const merge = mergeVersions(sideOf(base.current.snapshot), { metadata: mine.metadata, body: mine.body }, sideOf(current.snapshot));
        // From now on this editor builds on their version: the merged result is saved against it.
        base.current = { version: current.version, snapshot: current.snapshot };
        reportVersion(versionId, current.version);
        if (merge.conflicts.length > 0) {
          setConflict({ current, mine, merge });
          setStatus({ kind: "conflict" });
          queued.current = null;
          return;
        }
        applyDraft(resolveMerge(merge));
        mergedWith.current = { name: current.updatedBy };
        queued.current = mode === "autosave" ? "autosave" : "save";
      } else if (failure) {
        setErrors(failure.errors);
        setSlugSuggestion(failure.suggestion);
        setStatus({ kind: "failed", reason: failure.reason });
      }

      const next = queued.current;
      queued.current = null;
      if (next) void save(next);
      else if (outcome?.status === "saved" && edits.current !== editsAtStart && autosave)
        timer.current = setTimeout(() => void save("autosave"), AUTOSAVE_DELAY_MS);
    },
    [applyDraft, autosave, bodyTooLarge, networkError, onSaved, readDraft, setConflict, versionId],
  );

  /** Called on every change of a field or of the body. */
  const markEdited = useCallback(() => {
    edits.current += 1;
    if (conflictRef.current) return;
    // The same state object while already dirty: React then skips re-rendering the whole editor on
    // every keystroke.
    setStatus((previous) => (previous.kind === "saving" || previous.kind === "dirty" ? previous : { kind: "dirty" }));
    clearTimer();
    if (autosave) timer.current = setTimeout(() => void save("autosave"), AUTOSAVE_DELAY_MS);
  }, [autosave, save]);

  /** The parts changed on both sides are settled: the merged version goes into the editor and is saved. */
  const saveMerge = useCallback(
    (resolutions: Resolutions) => {
      const current = conflictRef.current;
      if (!current) return;
      applyDraft(resolveMerge(current.merge, resolutions));
      mergedWith.current = { name: current.current.updatedBy };
      setConflict(null);
      void save("save");
    },
    [applyDraft, save, setConflict],
  );

  /** The explicit "discard mine": the editor takes their version and the person's text goes. */
  const discardMine = useCallback(() => {
    const current = conflictRef.current?.current;
    if (!current) return;
    applyDraft(sideOf(current.snapshot));
    setConflict(null);
    setStatus({ kind: "clean" });
  }, [applyDraft, setConflict]);

  useEffect(() => clearTimer, []);

  const unsaved = status.kind === "dirty" || status.kind === "saving" || status.kind === "failed" || status.kind === "conflict";
  return { status, errors, slugSuggestion, conflict, unsaved, save, markEdited, saveMerge, discardMine };
}
