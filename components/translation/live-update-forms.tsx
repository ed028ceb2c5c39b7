"use client";
// The forms of updating a published translation while it stays live: start the update, and its
// workflow steps (submit, approve, publish, send back with a note). Each shows its outcome, a
// refusal included, in an aria-live region.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import {
  approveTranslationUpdate,
  publishTranslationUpdate,
  returnTranslationUpdate,
  startTranslationUpdateTask,
  submitTranslationUpdate,
} from "@/lib/translations/live-update-actions";
import type { UpdateTransition } from "@/lib/translations/live-update";

export function StartUpdateForm({ versionId }: { versionId: string }) {
  const t = useTranslations("translations.update");
  const [state, action] = useActionState(startTranslationUpdateTask, initialActionState);
  return (
    <form action={action} className="inline-form" data-testid="start-update">
      <input type="hidden" name="versionId" value={versionId} />
      <SubmitButton>{t("start")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

const STEP_ACTIONS = {
  submit: submitTranslationUpdate,
  approve: approveTranslationUpdate,
  publish: publishTranslationUpdate,
  returnToDraft: returnTranslationUpdate,
} as const;

function StepForm({ transition, updateId, version }: { transition: UpdateTransition; updateId: string; version: number }) {
  const t = useTranslations("translations.update");
  const [state, action] = useActionState(STEP_ACTIONS[transition], initialActionState);
  const noteId = `update-note-${transition}`;
  return (
    <form action={action} className="inline-form" data-testid={`update-${transition}`}>
      <input type="hidden" name="updateId" value={updateId} />
      <input type="hidden" name="version" value={version} />
      {transition === "returnToDraft" ? (
        <div className="field">
          <label htmlFor={noteId}>{t("note")}</label>
          <textarea id={noteId} name="note" rows={2} required />
        </div>
      ) : null}
      <SubmitButton className={transition === "returnToDraft" ? "button secondary" : "button"}>{t(transition)}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function UpdateSteps({ updateId, version, transitions }: { updateId: string; version: number; transitions: UpdateTransition[] }) {
  return (
    <div className="flex flex-wrap items-start gap-4">
      {transitions.map((transition) => (
        // The version in the key: after a step the forms start afresh, with the new version.
        <StepForm key={`${transition}-${version}`} transition={transition} updateId={updateId} version={version} />
      ))}
    </div>
  );
}
