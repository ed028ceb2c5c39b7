"use client";
// The forms of the import review screen: undo changes and correct title/date/language, then
// accept (optionally despite a duplicate) or reject.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { acceptImportReview, rejectImportReview, saveImportReview, type AcceptRefusal } from "@/lib/import-review/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { duplicateHref } from "@/lib/import-review/duplicate-link";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";

type ChangeRow = { id: string; kind: string; label: string; before: string; after?: string; applied: boolean };

export function ImportReviewForm({
  recordId,
  changes,
  title,
  date,
  language,
}: {
  recordId: string;
  changes: ChangeRow[];
  title: string;
  date: string;
  language: string;
}) {
  const t = useTranslations("import");
  const [state, formAction] = useActionState(saveImportReview, initialActionState);
  return (
    <form action={formAction} className="stack mt-6" noValidate>
      <input type="hidden" name="recordId" value={recordId} />
      <FormMessage state={state} />
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
            </li>
          ))}
        </ol>
      </fieldset>
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}

export function ImportDecisionForms({ recordId, hasDuplicates }: { recordId: string; hasDuplicates: boolean }) {
  const t = useTranslations("import");
  const [acceptState, acceptAction] = useActionState<ActionState<AcceptRefusal>, FormData>(acceptImportReview, initialActionState);
  // Someone may have accepted the same text since this page was drawn: the refusal names the article.
  const duplicateOf = acceptState.data?.duplicateOf;
  const [rejectState, rejectAction] = useActionState(rejectImportReview, initialActionState);
  return (
    <div className="mt-6 flex flex-wrap items-start gap-6 border-t border-neutral-300 pt-4">
      <form action={acceptAction} className="stack">
        <input type="hidden" name="recordId" value={recordId} />
        {hasDuplicates || duplicateOf ? (
          <label className="flex items-center gap-2">
            <input type="checkbox" name="allowDuplicate" />
            {t("importAnyway")}
          </label>
        ) : null}
        <SubmitButton>{t("accept")}</SubmitButton>
        <FormMessage state={acceptState} />
        {duplicateOf ? (
          <p data-testid="already-imported">
            <Link href={duplicateHref({ ...duplicateOf, similarity: 1, exact: true })}>
              {t("alreadyImportedAs", { title: duplicateOf.title })}
            </Link>
          </p>
        ) : null}
      </form>
      <form action={rejectAction} className="stack">
        <input type="hidden" name="recordId" value={recordId} />
        <SubmitButton className="button danger">{t("reject")}</SubmitButton>
        <FormMessage state={rejectState} />
      </form>
    </div>
  );
}
