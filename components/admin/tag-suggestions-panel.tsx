// An article's tagging panel, self-contained (server component): its tags with remove buttons, a
// tag search to add one, and the suggestions found in its text with accept / dismiss. Nothing is
// tagged without a person's yes. Read-only for whoever may not tag.
import { getTranslations } from "next-intl/server";
import { RemoveTagButton, ScanArticleButton, SuggestionDecision, TagPicker } from "@/components/admin/tag-panel-forms";
import { requireUser, userCan } from "@/lib/auth/session";
import { getArticleTagPanel } from "@/lib/tags/queries";

const TYPES = ["PERSON", "ORGANISATION", "PLACE", "TOPIC", "EVENT"] as const;

function bothLabels(labels: { fr: string; en: string }): string {
  return labels.fr === labels.en ? labels.fr : `${labels.fr} / ${labels.en}`;
}

export async function TagSuggestionsPanel({ articleId }: { articleId: string }) {
  const [user, panel, t] = await Promise.all([requireUser(), getArticleTagPanel(articleId), getTranslations("tags")]);
  if (!panel) return null;
  const canTag = userCan(user, "tag.assign");
  const typeLabels = Object.fromEntries(TYPES.map((type) => [type, t(`types.${type}`)]));
  return (
    <section aria-labelledby={`tags-${articleId}`} className="space-y-4" data-testid="tag-panel">
      <h2 id={`tags-${articleId}`}>{t("articleTags")}</h2>
      {panel.tags.length === 0 ? (
        <p>{t("noTags")}</p>
      ) : (
        <ul className="flex flex-wrap gap-2" data-testid="article-tags">
          {panel.tags.map((tag) => (
            <li key={tag.id} className="flex items-center gap-1 rounded border border-neutral-300 px-2 py-1">
              <span>{bothLabels(tag.labels)}</span> <span className="badge">{typeLabels[tag.type]}</span>
              {canTag ? <RemoveTagButton articleId={articleId} tagId={tag.id} label={bothLabels(tag.labels)} /> : null}
            </li>
          ))}
        </ul>
      )}

      {canTag ? (
        <>
          <TagPicker articleId={articleId} typeLabels={typeLabels} />
          <section aria-labelledby={`suggestions-${articleId}`}>
            <h3 id={`suggestions-${articleId}`} className="font-bold">
              {t("suggestions", { count: panel.suggestions.length })}
            </h3>
            <p className="hint">{t("suggestionsHint")}</p>
            <ScanArticleButton articleId={articleId} />
            {panel.suggestions.length === 0 ? (
              <p>{t("noSuggestions")}</p>
            ) : (
              <ul className="space-y-4">
                {panel.suggestions.map((suggestion) => (
                  <li key={suggestion.id} data-testid="tag-suggestion" className="border-b border-neutral-200 pb-3">
                    <p className="m-0">
                      <strong>{suggestion.label}</strong>{" "}
                      {suggestion.type ? <span className="badge">{typeLabels[suggestion.type]}</span> : null}{" "}
                      <span className="text-sm text-neutral-700">
                        {suggestion.existing ? t("existingTag", { label: bothLabels(suggestion.existing) }) : t("newEntity")}
                      </span>
                    </p>
                    <blockquote lang={panel.language} className="my-1 border-l-4 border-neutral-300 pl-3 text-sm text-neutral-800">
                      {suggestion.sentence}
                    </blockquote>
                    <SuggestionDecision suggestion={suggestion} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
