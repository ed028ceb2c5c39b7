"use client";
// The forms of the import review screen: one form to undo changes, correct title/date/language and
// save or accept what it shows (optionally despite a duplicate); a separate one to reject.
import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { rejectImportReview, submitImportReview, type AcceptRefusal } from "@/lib/import-review/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { duplicateHref } from "@/lib/import-review/duplicate-link";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";
import { useLeaveWarning } from "@/components/editor/use-leave-warning";

/** `loss`: why removing this could lose part of the story (lib/import/losses.ts); accepting needs a tick. */
type ChangeRow = { id: string; kind: string; label: string; before: string; after?: string; applied: boolean; loss?: string };

type ReviewState = ActionState<AcceptRefusal>;

export function ImportReviewForm({
  recordId,
  changes,
  title,
  date,
  language,
  hasDuplicates,
}: {
  recordId: string;
  changes: ChangeRow[];
  title: string;
  date: string;
  language: string;
  hasDuplicates: boolean;
}) {
  const t = useTranslations("import");
  const tEditor = useTranslations("editor");
  // Corrections typed since the last save: leaving asks first, and accepting takes them along.
  const [unsaved, setUnsaved] = useState(false);
  // One form, two buttons: the pressed one arrives as `intent`; both store the corrections first.
  const [state, formAction] = useActionState<ReviewState, FormData>(submitImportReview, initialActionState);
  useEffect(() => {
    if (state.ok) setUnsaved(false);
  }, [state]);
  useLeaveWarning(unsaved, tEditor("leaveWarning"));
  // Someone may have accepted the same text since this page was drawn: the refusal names the article.
  const duplicateOf = state.data?.duplicateOf;
  return (
    <form action={formAction} onChange={() => setUnsaved(true)} className="stack mt-6" noValidate>
      <input type="hidden" name="recordId" value={recordId} />
      <fieldset className="stack">
        <legend className="text-lg font-bold">{t("fields")}</legend>
        <FormField name="title" label={t("articleTitle")} defaultValue={state.values?.title ?? title} errors={state.errors?.title} />
        <FormField name="date" label={t("date")} defaultValue={state.values?.date ?? date} errors={state.errors?.date} />
        <div className="field">
          <label htmlFor="language">{t("language")}</label>
          <select id="language" name="language" defaultValue={state.values?.language ?? language} aria-describedby="language-error">
            {language === "" ? <option value="">{t("languages.und")}</option> : null}
            {ARTICLE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`languages.${code}`)}
              </option>
            ))}
          </select>
          <div id="language-error" aria-live="polite" className="field-error">
            {state.errors?.language?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-lg font-bold">{t("changes")}</legend>
        <p className="hint">{t("changesHint")}</p>
        {changes.length === 0 ? <p>{t("noChanges")}</p> : null}
        <ol className="divide-y divide-neutral-200">
          {changes.map((change) => (
            <li key={change.id} className="py-2" data-testid="change">
              <label className="flex items-start gap-2">
                <input type="checkbox" name="apply" value={change.id} defaultChecked={change.applied} className="mt-1" />
                <span>
                  <strong>{change.label}</strong>
                  <span className="block text-sm">
                    <span className="sr-only">{t("before")}: </span>
                    <del className="bg-red-50">{change.before}</del>
                    {" → "}
                    <span className="sr-only">{t("after")}: </span>
                    {change.after ? <ins className="bg-green-50">{change.after}</ins> : <em>{t("removed")}</em>}
                  </span>
                </span>
              </label>
              {change.loss ? (
                <div className="mt-1 ml-6 rounded border border-[var(--error)] p-2 text-sm" data-testid="loss-flag">
                  <p className="font-semibold text-[var(--error)]">{change.loss}</p>
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="confirmLoss" value={change.id} />
                    {t("lossConfirm")}
                  </label>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      </fieldset>
      {hasDuplicates || duplicateOf ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allowDuplicate" />
          {t("importAnyway")}
        </label>
      ) : null}
      <div className="flex flex-wrap items-start gap-3 border-t border-neutral-300 pt-4">
        <SubmitButton name="intent" value="save">
          {t("save")}
        </SubmitButton>
        <SubmitButton name="intent" value="accept">
          {t("accept")}
        </SubmitButton>
      </div>
      <FormMessage state={state} />
      {duplicateOf ? (
        <p data-testid="already-imported">
          <Link href={duplicateHref({ ...duplicateOf, similarity: 1, exact: true })}>
            {t("alreadyImportedAs", { title: duplicateOf.title })}
          </Link>
        </p>
      ) : null}
    </form>
  );
}

export function ImportRejectForm({ recordId }: { recordId: string }) {
  const t = useTranslations("import");
  const [rejectState, rejectAction] = useActionState(rejectImportReview, initialActionState);
  return (
    <div className="mt-6 border-t border-neutral-300 pt-4">
      <form action={rejectAction} className="stack">
        <input type="hidden" name="recordId" value={recordId} />
        <SubmitButton className="button danger">{t("reject")}</SubmitButton>
        <FormMessage state={rejectState} />
      </form>
    </div>
  );
}
