// The translation queue: every article and target language with its state (missing, in
// progress, in review, published, outdated), filtered by language, state and "mine", paginated
// in SQL, on the desk's list component. Translators claim tasks; editors assign them with a due date.
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { AssignTaskForm, ClaimTaskForm, ReleaseTaskForm } from "@/components/translation/queue-actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DataList, FilterBar, FilterSelect } from "@/components/ui/data-list";
import { requireUser, userCan } from "@/lib/auth/session";
import { pageNumber } from "@/lib/pagination";
import { LANGUAGES } from "@/lib/i18n/languages";
import { listTranslationQueue, listTranslators } from "@/lib/translations/queries";
import { QUEUE_STATES, type QueueState } from "@/lib/translations/queue";
import { queueFilterSchema } from "@/lib/translations/schema";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("translations");
}

/** A task's tint; the badge always says the state in words too. */
const QUEUE_TONES: Record<QueueState, BadgeTone> = {
  missing: "danger",
  in_progress: "info",
  in_review: "warning",
  published: "success",
  outdated: "warning",
};

type Search = { language?: string; state?: string; mine?: string; page?: string; submitted?: string };

export default async function TranslationQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!userCan(user, "translation.edit")) return <AccessDenied />;
  const search = await searchParams;
  const filter = queueFilterSchema.parse(search);
  const page = pageNumber(search.page);
  const canAssign = userCan(user, "translation.assign");
  const filtered = Boolean(filter.language || filter.state || filter.mine);
  const [{ rows, pageCount }, people, t, tCommon, tLists, format] = await Promise.all([
    listTranslationQueue({ language: filter.language, state: filter.state, assigneeId: filter.mine ? user.id : undefined }, page),
    canAssign ? listTranslators() : Promise.resolve([]),
    getTranslations("translations"),
    getTranslations("common"),
    getTranslations("lists"),
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
      <FilterBar action="/admin/translations" label={t("applyFilters")} resetHref={filtered ? "/admin/translations" : undefined}>
        <FilterSelect
          id="filter-language"
          name="language"
          label={t("filterLanguage")}
          value={filter.language ?? null}
          any={t("allLanguages")}
          options={LANGUAGES.map((language) => ({ id: language, label: languageName(language) }))}
        />
        <FilterSelect
          id="filter-state"
          name="state"
          label={t("filterState")}
          value={filter.state ?? null}
          any={t("allStates")}
          options={QUEUE_STATES.map((state) => ({ id: state, label: t(`states.${state}`) }))}
        />
        <div className="flex h-9 items-center gap-2">
          <input id="filter-mine" type="checkbox" name="mine" value="1" defaultChecked={Boolean(filter.mine)} />
          <label htmlFor="filter-mine">{t("filterMine")}</label>
        </div>
      </FilterBar>
      <DataList
        label={t("title")}
        testId="translation-queue"
        rows={rows}
        rowKey={(row) => `${row.articleId}-${row.language}`}
        rowAttributes={(row) => ({ "data-testid": "queue-row", "data-article-id": row.articleId, "data-language": row.language })}
        empty={
          filtered
            ? { title: t("empty"), action: { href: "/admin/translations", label: tLists("reset") } }
            : { title: t("emptyQueue"), action: { href: "/admin/articles", label: t("emptyQueueAction") } }
        }
        columns={[
          {
            key: "article",
            header: t("article"),
            primary: true,
            cell: (row) => (
              <>
                <Link href={`/admin/translations/${row.articleId}/${row.language}`} lang={row.sourceLanguage}>
                  {row.sourceTitle}
                </Link>
                {row.targetTitle ? (
                  <span className="block text-sm font-normal text-muted-foreground" lang={row.language}>
                    {row.targetTitle}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            key: "language",
            header: t("language"),
            cell: (row) => `${row.sourceLanguage.toUpperCase()} → ${row.language.toUpperCase()}`,
          },
          {
            key: "state",
            header: t("state"),
            cell: (row) => (
              <Badge tone={QUEUE_TONES[row.state]} data-testid="queue-state">
                {t(`states.${row.state}`)}
              </Badge>
            ),
          },
          {
            key: "assignee",
            header: t("assignee"),
            cell: (row) =>
              row.assignee ? (
                <>
                  {row.assignee.name}
                  {row.assignedAt ? (
                    <span className="block text-sm">{t("since", { date: format.dateTime(row.assignedAt, { dateStyle: "medium" }) })}</span>
                  ) : null}
                  {row.dueAt ? (
                    <span className="block text-sm">{t("due", { date: format.dateTime(row.dueAt, { dateStyle: "medium" }) })}</span>
                  ) : null}
                </>
              ) : (
                t("nobody")
              ),
          },
          {
            key: "actions",
            header: t("actions"),
            cell: (row) => {
              const mine = row.assignee?.id === user.id;
              return (
                <div className="flex flex-wrap items-start gap-2">
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
                </div>
              );
            },
          },
        ]}
      />
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
