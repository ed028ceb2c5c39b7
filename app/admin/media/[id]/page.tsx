// One photo: preview, French and English alt text and caption, credit, source, date; where it is
// used (articles, languages, states); deletion once unused.
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccessDenied } from "@/components/admin/access-denied";
import { MediaDeleteForm } from "@/components/admin/media-delete-form";
import { MediaDetailsForm } from "@/components/admin/media-details-form";
import { requireUser, userCan } from "@/lib/auth/session";
import { getMediaAsset } from "@/lib/media/queries";
import { LANGUAGES, type Language } from "@/lib/i18n/languages";
import type { Metadata } from "next";
import { deskTitle } from "@/lib/desk-titles";

export function generateMetadata(): Promise<Metadata> {
  return deskTitle("mediaAsset");
}

export default async function MediaAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  if (!userCan(user, "article.list")) return <AccessDenied />;
  const asset = await getMediaAsset((await params).id);
  if (!asset) notFound();
  const [t, tStatus, format] = await Promise.all([getTranslations("media"), getTranslations("statuses"), getFormatter()]);
  const canEdit = userCan(user, "article.edit");
  const text = (language: Language) => ({ alt: asset.texts[language]?.alt ?? "", caption: asset.texts[language]?.caption ?? "" });
  return (
    <>
      <PageHeader title={t("editTitle")} breadcrumbs={[{ href: "/admin/media", label: t("title") }]} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)]">
        <div className="stack">
          {asset.preview ? (
            <img
              src={asset.variants.find((variant) => variant.format === "webp" && variant.width >= 800)?.url ?? asset.preview.url}
              width={asset.width}
              height={asset.height}
              alt={asset.texts[user.locale]?.alt ?? ""}
              className="h-auto w-full rounded border"
            />
          ) : null}
          <p className="text-sm text-muted-foreground">
            {t("dimensions", { width: asset.width, height: asset.height })} · {asset.mimeType} ·{" "}
            {format.number(asset.byteSize / 1024, { maximumFractionDigits: 0 })} KB · <a href={asset.originalUrl}>{t("original")}</a>
          </p>
          {asset.uploadedBy ? (
            <p className="text-sm text-muted-foreground">
              {t("uploadedBy", { name: asset.uploadedBy })} —{" "}
              {format.dateTime(asset.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </p>
          ) : null}
          {asset.copyright ? (
            <p className="text-sm">
              {t("copyright")}: {asset.copyright}
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <MediaDetailsForm
            assetId={asset.id}
            updatedAt={asset.updatedAt.toISOString()}
            credit={asset.credit ?? ""}
            source={asset.source ?? ""}
            takenAt={asset.takenAt ? asset.takenAt.toISOString().slice(0, 10) : ""}
            texts={{ fr: text("fr"), en: text("en") }}
          />
        ) : (
          <dl>
            {LANGUAGES.map((language) => (
              <div key={language} lang={language}>
                <dt className="font-semibold">{t("alt", { language: t(`languages.${language}`) })}</dt>
                <dd>{text(language).alt}</dd>
                <dt className="font-semibold">{t("caption", { language: t(`languages.${language}`) })}</dt>
                <dd>{text(language).caption}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <section aria-labelledby="usages">
        <h2 id="usages">{t("usages")}</h2>
        {asset.usages.length === 0 ? (
          <p>{t("notUsed")}</p>
        ) : (
          <table className="data" data-testid="media-usages">
            <thead>
              <tr>
                <th scope="col">{t("usageArticle")}</th>
                <th scope="col">{t("usageLanguage")}</th>
                <th scope="col">{t("usageStatus")}</th>
                <th scope="col">{t("usageRole")}</th>
              </tr>
            </thead>
            <tbody>
              {asset.usages.map((usage) => (
                <tr key={`${usage.role}:${usage.versionId}`}>
                  <td lang={usage.language}>
                    <Link href={`/admin/articles/${usage.articleId}`}>{usage.title}</Link>
                  </td>
                  <td>{usage.language}</td>
                  <td>{tStatus.has(usage.status) ? tStatus(usage.status) : usage.status}</td>
                  <td>{t(`roles.${usage.role === "INLINE" ? "INLINE" : "LEAD"}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canEdit ? (
        <section aria-labelledby="delete" className="mt-8">
          <h2 id="delete">{t("delete")}</h2>
          <MediaDeleteForm assetId={asset.id} used={asset.usages.length > 0} />
        </section>
      ) : null}
    </>
  );
}
