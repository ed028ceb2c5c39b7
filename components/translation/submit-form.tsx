"use client";
// Sends a translation to review (the workflow's approve/publish take it from there).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { submitTranslationVersion } from "@/lib/translations/actions";

export function SubmitTranslationForm({ versionId, version }: { versionId: string; version: number }) {
  const t = useTranslations("translations.editor");
  const [state, action] = useActionState(submitTranslationVersion, initialActionState);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton>{t("submit")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
