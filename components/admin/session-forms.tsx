"use client";
// The account page's "sign out everywhere else" form (one browser is signed out from its row's menu).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { endOtherOwnSessions } from "@/lib/users/actions";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";

export function EndOtherSessionsForm() {
  const t = useTranslations("account.sessions");
  const [state, formAction] = useActionState(endOtherOwnSessions, initialActionState);
  useActionToast(state);
  return (
    <form action={formAction} className="inline-form">
      <SubmitButton variant="secondary" size="sm">
        {t("endOthers")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
