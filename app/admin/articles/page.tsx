// The article list (one row per language version): filters and search in the URL, sort, pages
// computed in SQL, and bulk publish / archive / tag for editors and admins.
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getLocale, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { ArticleFilters, ArticlePager, ArticleTable } from "@/components/admin/article-list";
import { BulkActions } from "@/components/admin/bulk-actions";
import { hasActiveFilters, parseArticleListFilters } from "@/lib/articles/list-filters";
import { listAdminArticleVersions } from "@/lib/articles/list-versions";
import { listAuthorChoices, listTagChoices } from "@/lib/articles/queries";
import { requireUser, userCan } from "@/lib/auth/session";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("articles");
}

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const filters = parseArticleListFilters(await searchParams);
  const locale = await getLocale();
  const [list, authors, tags, t] = await Promise.all([
    listAdminArticleVersions(filters),
    listAuthorChoices(),
    listTagChoices(locale),
    getTranslations("articles"),
  ]);
  const selectable = userCan(user, "article.bulk");
  const tNav = await getTranslations("nav");
  return (
    <>
      <PageHeader
        title={t("title")}
        action={
          userCan(user, "article.import") ? (
            <Link href="/admin/import" className={buttonVariants({ variant: "primary" })}>
              {tNav("actions.importArticles")}
            </Link>
          ) : null
        }
      />
      <ArticleFilters filters={filters} authors={authors.map((author) => ({ id: author.id, label: author.name }))} tags={tags} />
      <p aria-live="polite" data-testid="article-count" className="mb-2 text-sm text-muted-foreground">
        {list.totalIsCapped ? t("resultsCapped", { count: list.total }) : t("results", { count: list.total })}
      </p>
      <ArticleTable
        rows={list.rows}
        filters={filters}
        selectable={selectable}
        bulkBar={selectable ? <BulkActions canTag={userCan(user, "tag.assign")} /> : null}
        empty={
          hasActiveFilters(filters)
            ? { title: t("noMatch"), action: { href: "/admin/articles", label: t("reset") } }
            : userCan(user, "article.import")
              ? { title: t("emptyImport"), action: { href: "/admin/import", label: tNav("actions.importArticles") } }
              : { title: t("empty") }
        }
      />
      <ArticlePager filters={filters} hasNextPage={list.hasNextPage} />
    </>
  );
}
