// One tag: edit its type, labels, descriptions and aliases; merge it into another; delete it.
// A merged tag only says where it went.
import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { DeleteTagForm, MergeTagForm, TagFieldsForm } from "@/components/admin/tag-forms";
import { requireUser, userCan } from "@/lib/auth/session";
import { subjectTitle } from "@/lib/desk-titles";
import { getTagForEdit, listTagsForFilter } from "@/lib/tags/queries";
import { LANGUAGES } from "@/lib/i18n/languages";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  const tagName = async () => {
    const tag = await getTagForEdit(id);
    return tag ? { name: tag.fr?.label ?? tag.en?.label ?? "" } : null;
  };
  return subjectTitle("tag.manage", tagName, "tag", "tags");
}

export default async function TagPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ merged?: string }>;
}) {
  const user = await requireUser();
  if (!userCan(user, "tag.manage")) return <AccessDenied />;
  const [{ id }, { merged }] = await Promise.all([params, searchParams]);
  const [tag, all, t] = await Promise.all([getTagForEdit(id), listTagsForFilter(), getTranslations("tags")]);
  if (!tag) notFound();
  const name = tag.fr?.label ?? tag.en?.label ?? "";

  if (tag.mergedIntoId) {
    return (
      <>
        <PageHeader title={name} breadcrumbs={[{ href: "/admin/tags", label: t("title") }]} />
        <p>
          {t("mergedInto")} <Link href={`/admin/tags/${tag.mergedIntoId}`}>{t("survivingTag")}</Link>
        </p>
      </>
    );
  }

  const others = all
    .filter((other) => other.id !== tag.id)
    .map((other) => ({ id: other.id, label: `${other.labels.fr} / ${other.labels.en} (${t(`types.${other.type}`)})` }));
  return (
    <>
      <PageHeader title={t("editTitle", { label: name })} breadcrumbs={[{ href: "/admin/tags", label: t("title") }]} />
      {merged ? (
        <p role="status" className="form-message ok">
          {t("done.merged")}
        </p>
      ) : null}
      <p>
        {t("articleCount", { count: tag.counts.total })} —{" "}
        {LANGUAGES.map((language) => {
          const counts = tag.counts.byLanguage[language] ?? { any: 0, published: 0 };
          return (
            <span key={language}>
              {t("perLanguage", { language: language.toUpperCase(), any: counts.any, published: counts.published })}{" "}
            </span>
          );
        })}
      </p>
      <p className="text-sm">
        {t("publicPages")}: {tag.fr ? <a href={`/fr/tag/${tag.fr.slug}`}>/fr/tag/{tag.fr.slug}</a> : null}{" "}
        {tag.en ? <a href={`/en/tag/${tag.en.slug}`}>/en/tag/{tag.en.slug}</a> : null}
      </p>
      {tag.mergedFrom.length > 0 ? (
        <p className="text-sm">
          {t("absorbed")}: {tag.mergedFrom.map((merged) => merged.labels.fr).join(", ")}
        </p>
      ) : null}

      <section aria-labelledby="edit-tag">
        <h2 id="edit-tag">{t("editSection")}</h2>
        <TagFieldsForm
          initial={{
            id: tag.id,
            type: tag.type,
            labelFr: tag.fr?.label ?? "",
            labelEn: tag.en?.label ?? "",
            descriptionFr: tag.fr?.description ?? "",
            descriptionEn: tag.en?.description ?? "",
            aliases: tag.aliases.join("\n"),
          }}
        />
      </section>

      <section aria-labelledby="tag-articles">
        <h2 id="tag-articles">{t("articles")}</h2>
        {tag.articles.length === 0 ? (
          <p>{t("noArticles")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {tag.articles.map((article) => (
              <li key={article.id} lang={article.language}>
                <Link href={`/admin/tags/article/${article.id}`}>{article.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="merge-tag">
        <h2 id="merge-tag">{t("mergeSection")}</h2>
        <MergeTagForm tagId={tag.id} targets={others} />
      </section>

      <section aria-labelledby="delete-tag">
        <h2 id="delete-tag">{t("deleteSection")}</h2>
        <DeleteTagForm tagId={tag.id} targets={others} />
      </section>
    </>
  );
}
