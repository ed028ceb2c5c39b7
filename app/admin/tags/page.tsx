// Tag management: the taxonomy with its counts per type and per language, a search over labels
// and aliases, and the form to create a tag. Editing, merging and deleting are on each tag's page.
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { TagFieldsForm } from "@/components/admin/tag-forms";
import { requireUser, userCan } from "@/lib/auth/session";
import type { TagType } from "@/lib/generated/prisma/enums";
import { pageNumber } from "@/lib/pagination";
import { countTagsByType, listTags } from "@/lib/tags/queries";
import { TAG_TYPES } from "@/lib/tags/schema";
import { LANGUAGES } from "@/lib/i18n/languages";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("tags");
}

type Search = { q?: string; type?: string; page?: string; deleted?: string };

export default async function TagsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (!userCan(user, "tag.manage")) return <AccessDenied />;
  const params = await searchParams;
  const q = (params.q ?? "").slice(0, 160);
  const type = TAG_TYPES.includes(params.type as TagType) ? (params.type as TagType) : null;
  const page = pageNumber(params.page);
  const [t, { tags, total, pageCount }, byType] = await Promise.all([
    getTranslations("tags"),
    listTags({ q, type, page, locale: user.locale }),
    countTagsByType(),
  ]);
  const pageHref = (target: number) =>
    `/admin/tags?${new URLSearchParams({ ...(q ? { q } : {}), ...(type ? { type } : {}), page: String(target) })}`;
  const tNav = await getTranslations("nav");
  return (
    <>
      <PageHeader
        title={t("title")}
        action={
          <Link href="#create-tag" className={buttonVariants({ variant: "primary" })}>
            {tNav("actions.newTag")}
          </Link>
        }
      />
      {params.deleted ? (
        <p role="status" className="form-message ok">
          {t("done.deleted")}
        </p>
      ) : null}
      <section aria-labelledby="tag-types">
        <h2 id="tag-types">{t("byType")}</h2>
        <ul className="flex flex-wrap gap-4" data-testid="tag-type-counts">
          {TAG_TYPES.map((tagType) => (
            <li key={tagType}>
              <Link href={`/admin/tags?type=${tagType}`}>{t(`types.${tagType}`)}</Link>: {byType[tagType] ?? 0}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="all-tags">
        <h2 id="all-tags">{t("list")}</h2>
        <form role="search" className="inline-form" action="/admin/tags">
          <div className="field">
            <label htmlFor="tag-search">{t("search")}</label>
            <input id="tag-search" name="q" type="search" defaultValue={q} />
          </div>
          <div className="field">
            <label htmlFor="tag-type-filter">{t("type")}</label>
            <select id="tag-type-filter" name="type" defaultValue={type ?? ""}>
              <option value="">{t("allTypes")}</option>
              {TAG_TYPES.map((tagType) => (
                <option key={tagType} value={tagType}>
                  {t(`types.${tagType}`)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button small">
            {t("find")}
          </button>
        </form>
        <p aria-live="polite">{t("found", { count: total })}</p>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("labelFr")}</th>
              <th scope="col">{t("labelEn")}</th>
              <th scope="col">{t("type")}</th>
              <th scope="col">{t("aliases")}</th>
              <th scope="col">{t("articles")}</th>
            </tr>
          </thead>
          <tbody>
            {tags.map((tag) => (
              <tr key={tag.id} data-testid="tag-row">
                <td lang="fr">
                  <Link href={`/admin/tags/${tag.id}`}>{tag.labels.fr}</Link>
                </td>
                <td lang="en">{tag.labels.en}</td>
                <td>{t(`types.${tag.type}`)}</td>
                <td>{tag.aliases.join(", ")}</td>
                <td>
                  {t("articleCount", { count: tag.counts.total })}
                  {LANGUAGES.map((language) => {
                    const counts = tag.counts.byLanguage[language] ?? { any: 0, published: 0 };
                    return (
                      <span key={language} className="block text-sm">
                        {t("perLanguage", { language: language.toUpperCase(), any: counts.any, published: counts.published })}
                      </span>
                    );
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {pageCount > 1 ? (
          <nav aria-label={t("pages")} className="mt-4 flex gap-4">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} rel="prev">
                {t("previous")}
              </Link>
            ) : null}
            <span>{t("pageOf", { page, count: pageCount })}</span>
            {page < pageCount ? (
              <Link href={pageHref(page + 1)} rel="next">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="create-tag">
        <h2 id="create-tag">{t("createTitle")}</h2>
        <TagFieldsForm />
      </section>
    </>
  );
}
