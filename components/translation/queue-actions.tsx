"use client";
// Per-row controls of the translation queue: claim or give back a task, and (editors) assign it
// to someone with a due date. Each is a server action behind the permission wrapper.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { assignTranslationTask, claimTranslationTask, releaseTranslationTask } from "@/lib/translations/actions";

type Person = { id: string; name: string };

export function ClaimTaskForm({ articleId, language }: { articleId: string; language: string }) {
  const t = useTranslations("translations");
  const [state, action] = useActionState(claimTranslationTask, initialActionState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="language" value={language} />
      <SubmitButton className="button small">{t("claim")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ReleaseTaskForm({ versionId }: { versionId: string }) {
  const t = useTranslations("translations");
  const [state, action] = useActionState(releaseTranslationTask, initialActionState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="versionId" value={versionId} />
      <SubmitButton className="button small">{t("release")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function AssignTaskForm({
  articleId,
  language,
  people,
  assigneeId,
  dueAt,
}: {
  articleId: string;
  language: string;
  people: Person[];
  assigneeId: string | null;
  dueAt: string | null;
}) {
  const t = useTranslations("translations");
  const [state, action] = useActionState(assignTranslationTask, initialActionState);
  const prefix = `assign-${articleId}-${language}-`;
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="language" value={language} />
      <label htmlFor={`${prefix}assignee`} className="sr-only">
        {t("assignTo")}
      </label>
      <select id={`${prefix}assignee`} name="assigneeId" defaultValue={assigneeId ?? ""} aria-describedby={`${prefix}error`}>
        <option value="">{t("nobody")}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${prefix}due`} className="sr-only">
        {t("dueDate")}
      </label>
      <input id={`${prefix}due`} type="date" name="dueAt" defaultValue={dueAt ?? ""} className="border border-input-border rounded px-1" />
      <SubmitButton className="button small">{t("assign")}</SubmitButton>
      <div id={`${prefix}error`} aria-live="polite" className="field-error">
        {[...(state.errors?.assigneeId ?? []), ...(state.errors?.dueAt ?? [])].map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
