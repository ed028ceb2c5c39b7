"use client";
// The sign-in form: one generic message for any failure, the email kept after a failed attempt.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInWithPassword } from "@/lib/auth/actions";
import { initialActionState } from "@/lib/action-state";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signIn");
  const [state, formAction] = useActionState(signInWithPassword, initialActionState);
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormField
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        defaultValue={state.values?.email}
        key={state.values?.email}
      />
      <FormField name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}
