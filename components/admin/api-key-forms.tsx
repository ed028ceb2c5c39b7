"use client";
// The API keys page's forms: make a key (shown once, with a copy button) and revoke one after a
// confirmation. Both are server actions behind the apiKey.manage permission.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api/actions";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { CopyableValue } from "@/components/ui/copyable-value";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionToast } from "@/components/ui/use-action-toast";

export function CreateApiKeyForm() {
  const t = useTranslations("apiKeys");
  const [state, formAction] = useActionState<ActionState<{ key: string }>, FormData>(createApiKeyAction, initialActionState);
  useActionToast(state);
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <div className="stack">
      <form action={formAction} className="stack" noValidate key={state.ok ? state.data?.key : "editing"}>
        <FormMessage state={state} />
        <FormField name="name" label={t("name")} hint={t("nameHint")} required defaultValue={values.name} errors={state.errors?.name} />
        <div>
          <SubmitButton pendingLabel={t("creating")}>{t("createSubmit")}</SubmitButton>
        </div>
      </form>
      {state.ok && state.data?.key ? <NewKey value={state.data.key} /> : null}
    </div>
  );
}

function NewKey({ value }: { value: string }) {
  const t = useTranslations("apiKeys");
  return (
    <div className="rounded-lg border border-line bg-surface p-4" data-testid="new-api-key">
      <p className="m-0 mb-2 font-semibold">{t("shownOnce")}</p>
      <CopyableValue value={value} testId="new-api-key-value" />
      <p className="m-0 mt-2 text-sm text-muted-foreground">{t("usage")}</p>
    </div>
  );
}

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("apiKeys");
  const tUsers = useTranslations("users");
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(revokeApiKeyAction, initialActionState);
  useActionToast(state, { refusals: true });
  return (
    <Dialog open={open && !state.ok} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-danger">
          {t("revoke")}
          <span className="sr-only"> {name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={tUsers("close")}>
        <DialogTitle>{t("revoke")}</DialogTitle>
        <form action={formAction} className="stack">
          <FormMessage state={state} />
          <p className="m-0">{t("revokeConfirm", { name })}</p>
          <input type="hidden" name="id" value={id} />
          <div>
            <SubmitButton variant="danger">{t("revoke")}</SubmitButton>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
