"use client";
// The webhooks page's forms: register an endpoint (URL, events, internal), pause or resume one,
// remove one after a confirmation, redeliver a message. Each is a server action behind webhook.manage.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createWebhookEndpoint, deleteWebhookEndpoint, redeliverWebhook, setWebhookEndpointActive } from "@/lib/webhooks/actions";
import { eventKey, WEBHOOK_EVENTS } from "@/lib/webhooks/events-list";
import { initialActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionToast } from "@/components/ui/use-action-toast";

export function RegisterEndpointForm() {
  const t = useTranslations("webhooks");
  const [state, formAction] = useActionState(createWebhookEndpoint, initialActionState);
  useActionToast(state);
  const values = state.ok ? {} : (state.values ?? {});
  const eventErrors = state.errors?.events;
  return (
    <form action={formAction} className="stack" noValidate key={state.ok ? "done" : "editing"}>
      <FormMessage state={state} />
      <FormField
        name="url"
        type="url"
        label={t("url.label")}
        hint={t("url.hint")}
        required
        defaultValue={values.url}
        errors={state.errors?.url}
      />
      <FormField name="description" label={t("description")} defaultValue={values.description} errors={state.errors?.description} />
      <fieldset className="field" aria-describedby={eventErrors?.length ? "events-error" : undefined}>
        <legend>{t("eventsLabel")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 font-normal">
              <input type="checkbox" name="events" value={event} defaultChecked={state.ok || !state.values ? true : undefined} />
              {t(`events.${eventKey(event)}`)}
            </label>
          ))}
        </div>
        <div id="events-error" aria-live="polite" className="field-error">
          {eventErrors?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="flex items-center gap-2 font-normal">
          <input type="checkbox" name="internal" aria-describedby="internal-hint" />
          {t("internal")}
        </label>
        <p id="internal-hint" className="hint">
          {t("internalHint")}
        </p>
      </div>
      <div>
        <SubmitButton>{t("registerSubmit")}</SubmitButton>
      </div>
    </form>
  );
}

export function EndpointActions({ id, url, active }: { id: string; url: string; active: boolean }) {
  const t = useTranslations("webhooks");
  const tUsers = useTranslations("users");
  const [activeState, activeAction] = useActionState(setWebhookEndpointActive, initialActionState);
  const [deleteState, deleteAction] = useActionState(deleteWebhookEndpoint, initialActionState);
  const [confirming, setConfirming] = useState(false);
  useActionToast(activeState, { refusals: true });
  useActionToast(deleteState, { refusals: true });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={activeAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <SubmitButton variant="secondary" size="sm">
          {active ? t("pause") : t("resume")}
          <span className="sr-only"> {url}</span>
        </SubmitButton>
      </form>
      <Dialog open={confirming && !deleteState.ok} onOpenChange={setConfirming}>
        <DialogTrigger asChild>
          <Button variant="ghost" size="sm" className="text-danger">
            {t("remove")}
            <span className="sr-only"> {url}</span>
          </Button>
        </DialogTrigger>
        <DialogContent closeLabel={tUsers("close")}>
          <DialogTitle>{t("remove")}</DialogTitle>
          <form action={deleteAction} className="stack">
            <FormMessage state={deleteState} />
            <p className="m-0 break-all">{t("removeConfirm", { url })}</p>
            <input type="hidden" name="id" value={id} />
            <div>
              <SubmitButton variant="danger">{t("remove")}</SubmitButton>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const t = useTranslations("webhooks");
  const [state, formAction] = useActionState(redeliverWebhook, initialActionState);
  useActionToast(state, { refusals: true });
  return (
    <form action={formAction}>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton variant="secondary" size="sm">
        {t("redeliver")}
        <span className="sr-only"> {deliveryId}</span>
      </SubmitButton>
    </form>
  );
}
