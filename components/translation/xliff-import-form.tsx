"use client";
// Re-import of an XLIFF file from a CAT tool; a refusal (other article, changed source, malformed
// or DTD-bearing XML) is shown and nothing is changed.
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { importTranslationXliff } from "@/lib/translations/actions";

export function XliffImportForm({ versionId, version }: { versionId: string; version: number }) {
  const t = useTranslations("translations.editor");
  const router = useRouter();
  const [state, action] = useActionState(importTranslationXliff, initialActionState);
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="version" value={version} />
      <div className="field">
        <label htmlFor="xliff-file">{t("importFile")}</label>
        <input
          id="xliff-file"
          type="file"
          name="file"
          accept=".xlf,.xliff,application/xliff+xml,application/xml,text/xml"
          aria-describedby="xliff-file-error"
        />
        <div id="xliff-file-error" aria-live="polite" className="field-error">
          {state.errors?.file?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </div>
      <SubmitButton className="button small">{t("importXliff")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
