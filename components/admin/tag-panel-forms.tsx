"use client";
// The small forms of an article's tagging panel: remove a tag, find and add one, scan the text
// again (a suggestion's own accept and dismiss: tag-suggestion-chip.tsx).
import { useActionState } from "react";
import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { addArticleTag, findTags, removeArticleTag, scanArticleForTags } from "@/lib/tags/actions";

export function RemoveTagButton({ articleId, tagId, label }: { articleId: string; tagId: string; label: string }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(removeArticleTag, initialActionState);
  useActionToast(state);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="tagId" value={tagId} />
      <SubmitButton
        className="inline-flex size-7 items-center justify-center rounded-full hover:bg-hover disabled:opacity-60"
        aria-label={t("removeTag", { label })}
      >
        <X aria-hidden className="size-4" />
      </SubmitButton>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}

function AddTagButton({ articleId, tagId, label }: { articleId: string; tagId: string; label: string }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(addArticleTag, initialActionState);
  useActionToast(state);
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

export function ScanArticleButton({ articleId }: { articleId: string }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(scanArticleForTags, initialActionState);
  useActionToast(state);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="articleId" value={articleId} />
      <SubmitButton className="button small">{t("scan")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
