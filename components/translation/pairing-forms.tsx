"use client";
// Pairing suggestions (editors): scan for pairs, then confirm or reject each.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { confirmPairingSuggestion, rejectPairingSuggestion, scanPairings } from "@/lib/translations/actions";

export function ScanPairingsForm() {
  const t = useTranslations("translations.pairs");
  const [state, action] = useActionState(scanPairings, initialActionState);
  return (
    <form action={action} className="inline-form">
      <SubmitButton>{t("scan")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function PairingDecisionForms({ id }: { id: string }) {
  const t = useTranslations("translations.pairs");
  const [confirmState, confirm] = useActionState(confirmPairingSuggestion, initialActionState);
  const [rejectState, reject] = useActionState(rejectPairingSuggestion, initialActionState);
  return (
    <div className="inline-form">
      <form action={confirm}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton className="button small">{t("confirm")}</SubmitButton>
      </form>
      <form action={reject}>
        <input type="hidden" name="id" value={id} />
        <SubmitButton className="button small danger">{t("reject")}</SubmitButton>
      </form>
      <FormMessage state={confirmState.message ? confirmState : rejectState} />
    </div>
  );
}
