// An article's tagging panel, self-contained (server component): its tags with remove buttons, a
// tag search to add one, and the suggestions found in its text as chips to accept or dismiss.
// Nothing is tagged without a person's yes. Read-only for whoever may not tag.
import { getTranslations } from "next-intl/server";
import { RemoveTagButton, ScanArticleButton, TagPicker } from "@/components/admin/tag-panel-forms";
import { TagSuggestionChip } from "@/components/admin/tag-suggestion-chip";
import { Badge } from "@/components/ui/badge";
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
      <h2 id={`tags-${articleId}`} className="mt-0 text-base">
        {t("articleTags")}
      </h2>
      {panel.tags.length === 0 ? (
        <p>{t("noTags")}</p>
      ) : (
        <ul className="m-0 flex list-none flex-wrap gap-2 p-0" data-testid="article-tags">
          {panel.tags.map((tag) => (
            <li key={tag.id} className="flex items-center gap-1.5 rounded-full bg-(--badge-info-bg) py-0.5 pr-0.5 pl-3 text-sm">
              <span className="font-semibold">{bothLabels(tag.labels)}</span> <Badge>{typeLabels[tag.type]}</Badge>
              {canTag ? <RemoveTagButton articleId={articleId} tagId={tag.id} label={bothLabels(tag.labels)} /> : null}
            </li>
          ))}
        </ul>
      )}

      {canTag ? (
        <>
          <TagPicker articleId={articleId} typeLabels={typeLabels} />
          <section aria-labelledby={`suggestions-${articleId}`}>
            <h3 id={`suggestions-${articleId}`} className="mt-0 text-base font-bold">
              {t("suggestions", { count: panel.suggestions.length })}
            </h3>
            <p className="hint">{t("suggestionsHint")}</p>
            <ScanArticleButton articleId={articleId} />
            {panel.suggestions.length === 0 ? (
              <p>{t("noSuggestions")}</p>
            ) : (
              <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
                {panel.suggestions.map((suggestion) => (
                  <TagSuggestionChip
                    key={suggestion.id}
                    suggestion={suggestion}
                    typeLabel={suggestion.type ? (typeLabels[suggestion.type] ?? null) : null}
                    language={panel.language}
                  />
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </section>
  );
}
