"use client";
// Chooses an article's lead image among library photos (or removes it). The page passes the
// choices (see listMediaChoices) and the current image (getMediaChoice); the server keeps usages in step.
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { setLeadImage } from "@/lib/media/actions";
import type { MediaChoice } from "@/lib/media/queries";

export function LeadImagePicker({
  articleId,
  current,
  choices,
}: {
  articleId: string;
  current: MediaChoice | null;
  choices: MediaChoice[];
}) {
  const t = useTranslations("media");
  const [state, formAction] = useActionState(setLeadImage, initialActionState);
  useActionToast(state);
  const currentId = current?.id ?? null;
  return (
    <section aria-labelledby="lead-image-title" className="stack" data-testid="lead-image-picker">
      <h2 id="lead-image-title">{t("leadTitle")}</h2>
      <FormMessage state={state} />
      {current ? (
        <div className="flex items-center gap-3">
          {current.thumbnail ? (
            <img
              src={current.thumbnail.url}
              width={current.thumbnail.width}
              height={current.thumbnail.height}
              alt={current.alt}
              className="h-20 w-auto rounded border"
            />
          ) : null}
          <span>
            {t("leadCurrent")}: {current.caption || current.alt || current.credit}
          </span>
          <form action={formAction}>
            <input type="hidden" name="articleId" value={articleId} />
            <input type="hidden" name="assetId" value="" />
            <SubmitButton className="button small">{t("leadClear")}</SubmitButton>
          </form>
        </div>
      ) : (
        <p>{t("leadNone")}</p>
      )}
      {choices.length === 0 ? (
        <p>
          {t("noChoices")} <Link href="/admin/media">{t("openLibrary")}</Link>
        </p>
      ) : (
        <form action={formAction} className="stack">
          <input type="hidden" name="articleId" value={articleId} />
          <fieldset>
            <legend className="font-semibold">{t("leadChoose")}</legend>
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {choices.map((choice) => (
                <li key={choice.id}>
                  <label className="flex cursor-pointer flex-col gap-1 rounded border border-neutral-300 p-2 has-[:checked]:border-[var(--accent)]">
                    {choice.thumbnail ? (
                      <img
                        src={choice.thumbnail.url}
                        width={choice.thumbnail.width}
                        height={choice.thumbnail.height}
                        alt=""
                        className="h-auto w-full"
                        loading="lazy"
                      />
                    ) : null}
                    <span className="flex items-start gap-2 text-sm">
                      <input type="radio" name="assetId" value={choice.id} defaultChecked={choice.id === currentId} required />
                      <span>{choice.caption || choice.alt || choice.credit || choice.id}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <SubmitButton>{t("leadSet")}</SubmitButton>
        </form>
      )}
    </section>
  );
}
