"use client";
// The small forms of an article's tagging panel: remove a tag, find and add one, accept (with the
// new tag's type and labels) or dismiss a suggestion, scan the text again.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TagTypeSelect } from "@/components/admin/tag-forms";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import {
  acceptTagSuggestion,
  addArticleTag,
  dismissTagSuggestion,
  findTags,
  removeArticleTag,
  scanArticleForTags,
} from "@/lib/tags/actions";

export function RemoveTagButton({ articleId, tagId, label }: { articleId: string; tagId: string; label: string }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(removeArticleTag, initialActionState);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="tagId" value={tagId} />
      <SubmitButton className="button small">
        <span aria-hidden="true">×</span>
        <span className="sr-only">{t("removeTag", { label })}</span>
      </SubmitButton>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}

function AddTagButton({ articleId, tagId, label }: { articleId: string; tagId: string; label: string }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(addArticleTag, initialActionState);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="tagId" value={tagId} />
      <SubmitButton className="button small">{t("addThisTag", { label })}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function TagPicker({ articleId, typeLabels }: { articleId: string; typeLabels: Record<string, string> }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(findTags, initialActionState);
  const results = state.ok ? (state.data ?? []) : [];
  return (
    <div>
      <form action={formAction} className="inline-form" role="search">
        <FormField
          idPrefix={`picker-${articleId}-`}
          name="q"
          label={t("findTag")}
          defaultValue={state.values?.q}
          errors={state.errors?.q}
        />
        <SubmitButton className="button small">{t("find")}</SubmitButton>
      </form>
      <div aria-live="polite">
        {state.ok && results.length === 0 ? <p>{t("noTagFound")}</p> : null}
        {results.length > 0 ? (
          <ul className="space-y-1" data-testid="tag-picker-results">
            {results.map((tag) => (
              <li key={tag.id}>
                <AddTagButton
                  articleId={articleId}
                  tagId={tag.id}
                  label={tag.labels.fr === tag.labels.en ? tag.labels.fr : `${tag.labels.fr} / ${tag.labels.en}`}
                />{" "}
                <span className="badge">{typeLabels[tag.type] ?? tag.type}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export type SuggestionView = {
  id: string;
  label: string;
  type: string | null;
  existing: { fr: string; en: string } | null;
  prefill: { fr: string; en: string };
};

export function SuggestionDecision({ suggestion }: { suggestion: SuggestionView }) {
  const t = useTranslations("tags");
  const [acceptState, acceptAction] = useActionState(acceptTagSuggestion, initialActionState);
  const [dismissState, dismissAction] = useActionState(dismissTagSuggestion, initialActionState);
  const prefix = `suggestion-${suggestion.id}-`;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form action={acceptAction} className="inline-form">
        <input type="hidden" name="suggestionId" value={suggestion.id} />
        {suggestion.existing ? null : (
          <>
            <TagTypeSelect
              id={`${prefix}type`}
              defaultValue={acceptState.values?.type ?? suggestion.type ?? undefined}
              errors={acceptState.errors?.type}
            />
            <FormField
              idPrefix={prefix}
              name="labelFr"
              label={t("labelFr")}
              lang="fr"
              defaultValue={acceptState.values?.labelFr ?? suggestion.prefill.fr}
              errors={acceptState.errors?.labelFr}
            />
            <FormField
              idPrefix={prefix}
              name="labelEn"
              label={t("labelEn")}
              lang="en"
              defaultValue={acceptState.values?.labelEn ?? suggestion.prefill.en}
              errors={acceptState.errors?.labelEn}
            />
          </>
        )}
        <SubmitButton className="button small">{t("accept", { label: suggestion.label })}</SubmitButton>
        <FormMessage state={acceptState} />
      </form>
      <form action={dismissAction} className="inline-form">
        <input type="hidden" name="suggestionId" value={suggestion.id} />
        <SubmitButton className="button small link">{t("dismiss", { label: suggestion.label })}</SubmitButton>
        <FormMessage state={dismissState} />
      </form>
    </div>
  );
}

export function ScanArticleButton({ articleId }: { articleId: string }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(scanArticleForTags, initialActionState);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <SubmitButton className="button small">{t("scan")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
