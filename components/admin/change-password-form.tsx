"use client";
// A user's own password change.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { changeOwnPassword } from "@/lib/users/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const [state, formAction] = useActionState(changeOwnPassword, initialActionState);
  useActionToast(state);
  return (
    <form action={formAction} className="stack" noValidate key={state.ok ? "done" : "editing"}>
      <FormMessage state={state} />
      <FormField
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        autoComplete="current-password"
        errors={state.errors?.currentPassword}
      />
      <FormField
        name="newPassword"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        errors={state.errors?.newPassword}
      />
      <FormField
        name="confirmPassword"
        type="password"
        label={t("confirmPassword")}
        autoComplete="new-password"
        errors={state.errors?.confirmPassword}
      />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
