// The translation queue: every article and target language with its state (missing, in
// progress, in review, published, outdated), filtered by language, state and "mine", paginated
// in SQL. Translators claim tasks; editors assign them with a due date.
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { AssignTaskForm, ClaimTaskForm, ReleaseTaskForm } from "@/components/translation/queue-actions";
import { requireUser, userCan } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { LANGUAGES } from "@/lib/i18n/languages";
import { listTranslationQueue, listTranslators } from "@/lib/translations/queries";
import { QUEUE_STATES } from "@/lib/translations/queue";
import { queueFilterSchema } from "@/lib/translations/schema";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("translations");
}

type Search = { language?: string; state?: string; mine?: string; page?: string; submitted?: string };

export default async function TranslationQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!userCan(user, "translation.edit")) return <AccessDenied />;
  const search = await searchParams;
  const filter = queueFilterSchema.parse(search);
  const page = pageNumber(search.page);
  const canAssign = userCan(user, "translation.assign");
  const [{ rows, pageCount }, people, t, tCommon, format] = await Promise.all([
    listTranslationQueue({ language: filter.language, state: filter.state, assigneeId: filter.mine ? user.id : undefined }, page),
    canAssign ? listTranslators() : Promise.resolve([]),
    getTranslations("translations"),
    getTranslations("common"),
    getFormatter(),
  ]);
  const query = new URLSearchParams(
    Object.entries({ language: filter.language, state: filter.state, mine: filter.mine }).filter((entry): entry is [string, string] =>
      Boolean(entry[1]),
    ),
  );
  const pageHref = (target: number) => `/admin/translations?${new URLSearchParams([...query, ["page", String(target)]])}`;
  const languageName = (language: string) =>
    language === "fr" ? tCommon("french") : language === "en" ? tCommon("english") : language.toUpperCase();
  return (
    <>
      <PageHeader title={t("title")} />
      {search.submitted ? (
        <p role="status" className="form-message ok">
          {t("done.submitted")}
        </p>
      ) : null}
      <p>{t("queueIntro")}</p>
      <p className="flex gap-4">
        <Link href="/admin/translations/glossary">{t("links.glossary")}</Link>
        {userCan(user, "article.edit") ? <Link href="/admin/translations/pairs">{t("links.pairs")}</Link> : null}
      </p>
      <form method="get" className="inline-form" aria-label={t("applyFilters")}>
        <div className="field">
          <label htmlFor="filter-language">{t("filterLanguage")}</label>
          <select id="filter-language" name="language" defaultValue={filter.language ?? ""}>
            <option value="">{t("allLanguages")}</option>
            {LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {languageName(language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-state">{t("filterState")}</label>
          <select id="filter-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("allStates")}</option>
            {QUEUE_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`states.${state}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" name="mine" value="1" defaultChecked={Boolean(filter.mine)} /> {t("filterMine")}
          </label>
        </div>
        <button type="submit" className="button small">
          {t("applyFilters")}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="data" data-testid="translation-queue">
          <thead>
            <tr>
              <th scope="col">{t("article")}</th>
              <th scope="col">{t("language")}</th>
              <th scope="col">{t("state")}</th>
              <th scope="col">{t("assignee")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const mine = row.assignee?.id === user.id;
              return (
                <tr
                  key={`${row.articleId}-${row.language}`}
                  data-testid="queue-row"
                  data-article-id={row.articleId}
                  data-language={row.language}
                >
                  <td>
                    <span lang={row.sourceLanguage}>{row.sourceTitle}</span>
                    {row.targetTitle ? (
                      <span className="block text-sm text-muted-foreground" lang={row.language}>
                        {row.targetTitle}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {row.sourceLanguage.toUpperCase()} → {row.language.toUpperCase()}
                  </td>
                  <td>
                    <span className={`badge state-${row.state}`} data-testid="queue-state">
                      {t(`states.${row.state}`)}
                    </span>
                  </td>
                  <td>
                    {row.assignee ? (
                      <>
                        {row.assignee.name}
                        {row.assignedAt ? (
                          <span className="block text-sm">
                            {t("since", { date: format.dateTime(row.assignedAt, { dateStyle: "medium" }) })}
                          </span>
                        ) : null}
                        {row.dueAt ? (
                          <span className="block text-sm">{t("due", { date: format.dateTime(row.dueAt, { dateStyle: "medium" }) })}</span>
                        ) : null}
                      </>
                    ) : (
                      t("nobody")
                    )}
                  </td>
                  <td>
                    <Link href={`/admin/translations/${row.articleId}/${row.language}`}>{t("open")}</Link>
                    {!row.assignee && userCan(user, "translation.claim") ? (
                      <ClaimTaskForm articleId={row.articleId} language={row.language} />
                    ) : null}
                    {row.targetVersionId && (mine || (row.assignee && canAssign)) ? (
                      <ReleaseTaskForm versionId={row.targetVersionId} />
                    ) : null}
                    {canAssign ? (
                      <AssignTaskForm
                        articleId={row.articleId}
                        language={row.language}
                        people={people}
                        assigneeId={row.assignee?.id ?? null}
                        dueAt={row.dueAt ? row.dueAt.toISOString().slice(0, 10) : null}
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pageCount > 1 ? (
        <nav aria-label={tCommon("page", { page, count: pageCount })} className="mt-4 flex gap-4">
          {page > 1 ? (
            <Link href={pageHref(page - 1)} rel="prev">
              {tCommon("previous")}
            </Link>
          ) : null}
          <span>{tCommon("page", { page, count: pageCount })}</span>
          {page < pageCount ? (
            <Link href={pageHref(page + 1)} rel="next">
              {tCommon("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
