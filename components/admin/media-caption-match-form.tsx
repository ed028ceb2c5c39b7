"use client";
// One extracted caption of an import and the library photo it belongs to.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { matchCaptionToAsset } from "@/lib/media/actions";
import type { MediaChoice } from "@/lib/media/queries";

export function MediaCaptionMatchForm({
  index,
  language,
  caption,
  credit,
  choices,
}: {
  index: number;
  language: string;
  caption: string;
  credit: string | null;
  choices: MediaChoice[];
}) {
  const t = useTranslations("media");
  const [state, formAction] = useActionState(matchCaptionToAsset, initialActionState);
  useActionToast(state);
  const selectId = `caption-match-${index}`;
  return (
    <form action={formAction} className="stack" data-testid="caption-match">
      <input type="hidden" name="language" value={language} />
      <input type="hidden" name="caption" value={caption} />
      <input type="hidden" name="credit" value={credit ?? ""} />
      <blockquote lang={language} className="border-l-4 border-line pl-3">
        {caption}
        {credit ? <span className="block text-sm text-muted-foreground">{credit}</span> : null}
      </blockquote>
      <div className="field">
        <label htmlFor={selectId}>{t("matcherPick")}</label>
        <select id={selectId} name="assetId" defaultValue={state.values?.assetId ?? ""} aria-describedby={`${selectId}-error`} required>
          <option value="">{t("matcherNone")}</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {[choice.caption || choice.alt || choice.id, choice.credit].filter(Boolean).join(" — ").slice(0, 120)}
            </option>
          ))}
        </select>
        <div id={`${selectId}-error`} aria-live="polite" className="field-error">
          {state.errors?.assetId?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </div>
      <FormMessage state={state} />
      <SubmitButton className="button small">{t("matcherApply")}</SubmitButton>
    </form>
  );
}
