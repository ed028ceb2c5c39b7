"use client";
// The workflow panel's small forms (transitions, schedule, comments, corrections), each a server
// action behind the permission wrapper; the newest version the tab has seen (the editor's last save
// or the server's render) travels in a hidden field.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { useNewestVersion } from "@/components/editor/newest-version";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState, type ActionState } from "@/lib/action-state";
import {
  addComment,
  addCorrectionNote,
  approveVersion,
  archiveVersion,
  cancelSchedule,
  publishVersion,
  resolveComment,
  returnToDraft,
  scheduleVersion,
  submitForReview,
  unpublishVersion,
} from "@/lib/workflow/actions";
import type { TransitionKind } from "@/lib/workflow/transitions";

type Action = (state: ActionState<undefined>, formData: FormData) => Promise<ActionState<undefined>>;

const TRANSITION_ACTIONS: Record<TransitionKind, Action> = {
  submit: submitForReview,
  approve: approveVersion,
  publish: publishVersion,
  unpublish: unpublishVersion,
  archive: archiveVersion,
  returnToDraft,
};

const DANGEROUS: TransitionKind[] = ["unpublish", "archive"];

export type VersionRef = { versionId: string; version: number };

/** The version a form acts on, with the newest number this tab has saved (stale-save refusal). */
export function VersionFields({ versionId, version }: VersionRef) {
  const newest = useNewestVersion(versionId, version);
  return (
    <>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="version" value={newest} />
    </>
  );
}

function TextArea({
  id,
  name,
  label,
  errors,
  defaultValue,
  required,
}: {
  id: string;
  name: string;
  label: string;
  errors?: string[];
  defaultValue?: string;
  required?: boolean;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        rows={3}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="w-full max-w-xl rounded border border-neutral-500 p-2"
      />
      <div id={errorId} aria-live="polite" className="field-error">
        {errors?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}

/** `primary`: the status bar's one main action (drawn as such, no frame around it). */
export function TransitionForm({ kind, versionId, version, primary = false }: VersionRef & { kind: TransitionKind; primary?: boolean }) {
  const t = useTranslations("workflow");
  const [state, action] = useActionState(TRANSITION_ACTIONS[kind], initialActionState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form
      action={action}
      className={primary ? "flex flex-wrap items-center gap-2" : "stack rounded border border-line p-3"}
      data-testid={`transition-${kind}`}
    >
      <VersionFields versionId={versionId} version={version} />
      {kind === "returnToDraft" ? (
        <TextArea id={`note-${versionId}`} name="note" label={t("note")} required errors={state.errors?.note} defaultValue={values.note} />
      ) : null}
      <SubmitButton
        className={primary ? undefined : DANGEROUS.includes(kind) ? "button small danger" : "button small"}
        variant="primary"
        size="sm"
      >
        {t(`transitions.${kind}`)}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** The offset of the browser's zone at the chosen moment, so the server reads wall-clock time right. */
export function offsetFor(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? "" : String(date.getTimezoneOffset());
}

export function ScheduleForm({ versionId, version }: VersionRef) {
  const t = useTranslations("workflow.schedule");
  const [state, action] = useActionState(scheduleVersion, initialActionState);
  const [offset, setOffset] = useState("");
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack rounded border border-neutral-300 p-3">
      <VersionFields versionId={versionId} version={version} />
      <input type="hidden" name="timezoneOffset" value={offset} />
      <FormField
        idPrefix={`schedule-${versionId}-`}
        name="scheduledAt"
        type="datetime-local"
        label={t("label")}
        hint={t("hint")}
        required
        defaultValue={values.scheduledAt}
        onChange={(event) => setOffset(offsetFor(event.currentTarget.value))}
        errors={state.errors?.scheduledAt}
      />
      <SubmitButton className="button small">{t("submit")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function CancelScheduleForm({ versionId, version }: VersionRef) {
  const t = useTranslations("workflow.schedule");
  const [state, action] = useActionState(cancelSchedule, initialActionState);
  return (
    <form action={action} className="inline-form">
      <VersionFields versionId={versionId} version={version} />
      <SubmitButton className="button small danger">{t("cancel")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function CommentForm({ versionId }: { versionId: string }) {
  const t = useTranslations("workflow.comments");
  const [state, action] = useActionState(addComment, initialActionState);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack">
      <input type="hidden" name="versionId" value={versionId} />
      <TextArea id={`comment-${versionId}`} name="body" label={t("body")} required errors={state.errors?.body} defaultValue={values.body} />
      <SubmitButton className="button small">{t("add")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ResolveCommentForm({ commentId }: { commentId: string }) {
  const t = useTranslations("workflow.comments");
  const [state, action] = useActionState(resolveComment, initialActionState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="commentId" value={commentId} />
      <SubmitButton className="button small">{t("resolve")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function CorrectionForm({ versionId }: { versionId: string }) {
  const t = useTranslations("workflow.corrections");
  const [state, action] = useActionState(addCorrectionNote, initialActionState);
  const [offset, setOffset] = useState("");
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="timezoneOffset" value={offset} />
      <TextArea
        id={`correction-${versionId}`}
        name="body"
        label={t("body")}
        required
        errors={state.errors?.body}
        defaultValue={values.body}
      />
      <FormField
        idPrefix={`correction-${versionId}-`}
        name="correctedAt"
        type="datetime-local"
        label={t("date")}
        defaultValue={values.correctedAt}
        onChange={(event) => setOffset(offsetFor(event.currentTarget.value))}
        errors={state.errors?.correctedAt}
      />
      <SubmitButton className="button small">{t("add")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
