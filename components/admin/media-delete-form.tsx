"use client";
// Deletes an unused photo; the server refuses while any article uses it.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { deleteMediaAsset } from "@/lib/media/actions";

export function MediaDeleteForm({ assetId, used }: { assetId: string; used: boolean }) {
  const t = useTranslations("media");
  const [state, formAction] = useActionState(deleteMediaAsset, initialActionState);
  useActionToast(state);
  return (
    <form action={formAction} className="stack">
      <input type="hidden" name="assetId" value={assetId} />
      <p className="hint">{used ? t("deleteBlocked") : t("deleteHint")}</p>
      <FormMessage state={state} />
      <SubmitButton className="button danger">{t("delete")}</SubmitButton>
    </form>
  );
}
