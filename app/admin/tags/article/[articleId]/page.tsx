// An article's tags and suggestions on their own page (the same panel the article editor shows).
import { PageHeader } from "@/components/ui/page-header";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { TagSuggestionsPanel } from "@/components/admin/tag-suggestions-panel";
import { requireUser, userCan } from "@/lib/auth/session";
import { getArticleTagPanel } from "@/lib/tags/queries";
import type { Metadata } from "next";
import { articleTitle, subjectTitle } from "@/lib/desk-titles";

export async function generateMetadata({ params }: { params: Promise<{ articleId: string }> }): Promise<Metadata> {
  const { articleId } = await params;
  return subjectTitle("article.list", () => articleTitle(articleId), "articleTags", "articles");
}

export default async function ArticleTagsPage({ params }: { params: Promise<{ articleId: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const { articleId } = await params;
  const [panel, t] = await Promise.all([getArticleTagPanel(articleId), getTranslations("tags")]);
  if (!panel) notFound();
  return (
    <>
      <PageHeader
        title={
          <>
            {t("articlePageTitle")}: <span lang={panel.language}>{panel.title}</span>
          </>
        }
        breadcrumbs={[{ href: "/admin/tags", label: t("title") }]}
      />
      <TagSuggestionsPanel articleId={articleId} />
    </>
  );
}
