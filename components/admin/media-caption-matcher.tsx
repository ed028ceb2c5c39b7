// On the import review screen: each caption the pipeline extracted, with a choice of uploaded
// photo; the caption and its credit are saved on the photo in the import's language.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MediaCaptionMatchForm } from "@/components/admin/media-caption-match-form";
import { listMediaChoices } from "@/lib/media/queries";
import { isLanguage } from "@/lib/i18n/languages";

type Caption = { text: string; credit?: string | null };

export async function MediaCaptionMatcher({ captions, language }: { captions: Caption[]; language: string | null | undefined }) {
  const t = await getTranslations("media");
  // Alt text and captions are kept in the reader site's languages only.
  const mediaLanguage = isLanguage(language) ? language : null;
  if (!mediaLanguage) return null;
  const choices = await listMediaChoices({ language: mediaLanguage, take: 50 });
  return (
    <section aria-labelledby="caption-matcher" className="my-6 stack">
      <h2 id="caption-matcher">{t("matcherTitle")}</h2>
      {captions.length === 0 ? (
        <p>{t("matcherNoCaptions")}</p>
      ) : (
        <>
          <p className="hint">{t("matcherHint", { language: t(`languages.${mediaLanguage}`) })}</p>
          {choices.length === 0 ? (
            <p>
              {t("noChoices")} <Link href="/admin/media">{t("openLibrary")}</Link>
            </p>
          ) : (
            <ol className="stack">
              {captions.map((caption, index) => (
                <li key={index}>
                  <MediaCaptionMatchForm
                    index={index}
                    language={mediaLanguage}
                    caption={caption.text}
                    credit={caption.credit ?? null}
                    choices={choices}
                  />
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
