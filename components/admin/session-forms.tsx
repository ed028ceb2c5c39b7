"use client";
// The account page's session controls: end one session, or every session but this browser's.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { endOtherOwnSessions, endOwnSession } from "@/lib/users/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function EndSessionForm({ sessionId, label }: { sessionId: string; label: string }) {
  const t = useTranslations("account.sessions");
  const [state, formAction] = useActionState(endOwnSession, initialActionState);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton className="button small danger" aria-label={label}>
        {t("end")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function EndOtherSessionsForm() {
  const t = useTranslations("account.sessions");
  const [state, formAction] = useActionState(endOtherOwnSessions, initialActionState);
  return (
    <form action={formAction} className="inline-form">
      <SubmitButton className="button small">{t("endOthers")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
