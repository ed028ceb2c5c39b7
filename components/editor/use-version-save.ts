"use client";
// Saving the editor's draft: autosave after two seconds without typing, the explicit Save, and the
// outcome the page shows (saved, failed, conflict). One request at a time; edits made while a save
// is in flight are saved by the next one, so nothing typed is ever dropped.
import { useCallback, useEffect, useRef, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import { initialActionState } from "@/lib/action-state";
import type { SnapshotDiff } from "@/lib/editing/diff";
import { MAX_BODY_JSON_LENGTH, type VersionMetadata, type VersionSnapshot } from "@/lib/editing/fields";
import { saveVersion } from "@/lib/editing/actions";
import type { CurrentVersion, SaveOutcome } from "@/lib/editing/service";
import { reportVersion } from "./newest-version";

export const AUTOSAVE_DELAY_MS = 2000;

export type SaveMode = "autosave" | "save" | "overwrite";
export type Draft = { metadata: VersionMetadata; body: JSONContent; text: string };
export type SaveStatus =
  | { kind: "clean" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "failed"; reason: string }
  | { kind: "conflict" };
export type Conflict = { current: CurrentVersion; theirChanges: SnapshotDiff | null; mine: Draft };

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
  networkError: string;
  /** The refusal shown for a body over MAX_BODY_JSON_LENGTH, given by how many characters. */
  bodyTooLarge: (overBy: number) => string;
  /** After a save the server holds a newer version: panels rendered on the server must re-read it. */
  onSaved?: () => void;
};

export function useVersionSave({ versionId, initial, autosave, readDraft, networkError, bodyTooLarge, onSaved }: Options) {
  const base = useRef<Base>(initial);
  const edits = useRef(0);
  const inFlight = useRef(false);
  const queued = useRef<SaveMode | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflictRef = useRef<Conflict | null>(null);
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
        if (edits.current === editsAtStart) setStatus({ kind: "saved", at: outcome.savedAt });
        else setStatus({ kind: "dirty" });
        onSaved?.();
      } else if (outcome?.status === "conflict") {
        // Read again rather than reuse `draft`: keystrokes typed while the request was out are kept too.
        setConflict({ current: outcome.current, theirChanges: outcome.theirChanges, mine: readDraft() });
        setStatus({ kind: "conflict" });
        queued.current = null;
        return;
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
    [autosave, bodyTooLarge, networkError, onSaved, readDraft, setConflict, versionId],
  );

  /** Called on every change of a field or of the body. */
  const markEdited = useCallback(() => {
    edits.current += 1;
    if (conflictRef.current) return;
    setStatus((previous) => (previous.kind === "saving" ? previous : { kind: "dirty" }));
    clearTimer();
    if (autosave) timer.current = setTimeout(() => void save("autosave"), AUTOSAVE_DELAY_MS);
  }, [autosave, save]);

  /** After "load the latest version": the editor now holds what the server has. */
  const adoptLatest = useCallback(() => {
    const current = conflictRef.current?.current;
    if (!current) return;
    base.current = { version: current.version, snapshot: current.snapshot };
    reportVersion(versionId, current.version);
    setConflict(null);
    setStatus({ kind: "clean" });
  }, [setConflict, versionId]);

  /** The deliberate overwrite: saves the kept draft on top of the version the conflict reported. */
  const overwrite = useCallback(() => {
    const current = conflictRef.current?.current;
    if (!current) return;
    base.current = { version: current.version, snapshot: current.snapshot };
    setConflict(null);
    void save("overwrite");
  }, [save, setConflict]);

  useEffect(() => clearTimer, []);

  const unsaved = status.kind === "dirty" || status.kind === "saving" || status.kind === "failed" || status.kind === "conflict";
  return { status, errors, slugSuggestion, conflict, unsaved, save, markEdited, adoptLatest, overwrite };
}
