"use client";
// Credit, source, date and, in each desk language, the alt text and caption of one photo.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { LANGUAGES, type Language } from "@/lib/i18n/languages";
import { saveMediaDetails } from "@/lib/media/actions";

type Texts = Record<Language, { alt: string; caption: string }>;

export function MediaDetailsForm({
  assetId,
  updatedAt,
  credit,
  source,
  takenAt,
  texts,
}: {
  assetId: string;
  updatedAt: string;
  credit: string;
  source: string;
  takenAt: string;
  texts: Texts;
}) {
  const t = useTranslations("media");
  const [state, formAction] = useActionState(saveMediaDetails, initialActionState);
  useActionToast(state);
  const value = (name: string, fallback: string) => (state.ok ? fallback : (state.values?.[name] ?? fallback));
  return (
    <form action={formAction} className="stack" noValidate>
      <input type="hidden" name="assetId" value={assetId} />
      <input type="hidden" name="updatedAt" value={updatedAt} />
      <fieldset className="stack">
        <legend className="text-lg font-bold">{t("details")}</legend>
        <FormField name="credit" label={t("credit")} defaultValue={value("credit", credit)} errors={state.errors?.credit} maxLength={200} />
        <FormField name="source" label={t("source")} defaultValue={value("source", source)} errors={state.errors?.source} maxLength={200} />
        <FormField
          name="takenAt"
          type="date"
          label={t("takenAt")}
          defaultValue={value("takenAt", takenAt)}
          errors={state.errors?.takenAt}
        />
      </fieldset>
      {LANGUAGES.map((language) => {
        // The form fields are altFr, captionEn, ...: the language code with a capital.
        const suffix = language.charAt(0).toUpperCase() + language.slice(1);
        const languageName = t(`languages.${language}`);
        return (
          <fieldset key={language} className="stack" lang={language}>
            <legend className="text-lg font-bold">{t("textsIn", { language: languageName })}</legend>
            <FormField
              name={`alt${suffix}`}
              label={t("alt", { language: languageName })}
              hint={t("altHint")}
              defaultValue={value(`alt${suffix}`, texts[language].alt)}
              errors={state.errors?.[`alt${suffix}`]}
              maxLength={500}
            />
            <div className="field">
              <label htmlFor={`caption${suffix}`}>{t("caption", { language: languageName })}</label>
              <textarea
                id={`caption${suffix}`}
                name={`caption${suffix}`}
                rows={3}
                maxLength={1000}
                defaultValue={value(`caption${suffix}`, texts[language].caption)}
                aria-describedby={`caption${suffix}-error`}
                className="w-full max-w-2xl rounded border border-[#767676] p-2"
              />
              <div id={`caption${suffix}-error`} aria-live="polite" className="field-error">
                {state.errors?.[`caption${suffix}`]?.map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            </div>
          </fieldset>
        );
      })}
      <FormMessage state={state} />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
