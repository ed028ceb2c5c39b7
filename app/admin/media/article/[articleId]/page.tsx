// An article's lead image, chosen from the library (the editor's page embeds the same picker).
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { LeadImagePicker } from "@/components/admin/lead-image-picker";
import { requireUser, userCan } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getMediaChoice, listMediaChoices } from "@/lib/media/queries";
import type { Metadata } from "next";
import { articleTitle, subjectTitle } from "@/lib/desk-titles";

export async function generateMetadata({ params }: { params: Promise<{ articleId: string }> }): Promise<Metadata> {
  const { articleId } = await params;
  return subjectTitle("article.edit", () => articleTitle(articleId), "leadImage", "media");
}

export default async function ArticleLeadImagePage({
  params,
  searchParams,
}: {
  params: Promise<{ articleId: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const user = await requireUser();
  if (!userCan(user, "article.edit")) return <AccessDenied />;
  const [{ articleId }, { q }] = await Promise.all([params, searchParams]);
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, sourceLanguage: true, leadImageId: true, versions: { select: { language: true, title: true } } },
  });
  if (!article) notFound();
  const title =
    (article.versions.find((version) => version.language === article.sourceLanguage) ?? article.versions[0])?.title ?? article.id;
  const query = (q ?? "").slice(0, 200);
  const [t, choices, current] = await Promise.all([
    getTranslations("media"),
    listMediaChoices({ query, language: user.locale, take: 24 }),
    article.leadImageId ? getMediaChoice(article.leadImageId, user.locale) : null,
  ]);
  return (
    <>
      <PageHeader title={t("leadFor", { title })} breadcrumbs={[{ href: "/admin/media", label: t("title") }]} />
      <form method="get" role="search" className="inline-form">
        <div className="field">
          <label htmlFor="lead-q">{t("leadSearch")}</label>
          <input id="lead-q" name="q" type="search" defaultValue={query} />
        </div>
        <button type="submit" className="button">
          {t("searchButton")}
        </button>
      </form>
      <LeadImagePicker articleId={article.id} current={current} choices={choices} />
      <p className="mt-6">
        <Link href="/admin/media">{t("openLibrary")}</Link>
      </p>
    </>
  );
}
