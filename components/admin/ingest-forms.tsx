"use client";
// The ingest page's forms: the "New source" dialog (the fields of the chosen kind; "internal" only
// for admins), and a source's pause/resume and "Poll now" buttons. Each is a server action behind
// the permission wrapper; results answer with a toast and an inline message. An admin's switch
// marks an existing source internal (or not) on its page.
import { useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { createIngestSource, pollIngestSourceNow, setIngestSourceEnabled, setIngestSourceInternal } from "@/lib/ingest/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionToast } from "@/components/ui/use-action-toast";

const KINDS = ["FEED", "IMAP", "FOLDER"] as const;
type Kind = (typeof KINDS)[number];

export function NewSourceDialog({
  canMarkInternal,
  languages,
}: {
  canMarkInternal: boolean;
  languages: { code: string; label: string }[];
}) {
  const t = useTranslations("ingest");
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(createIngestSource, initialActionState);
  useActionToast(state);
  // A saved source closes the dialog; a refused one keeps it open with its errors.
  useEffect(() => {
    if (state.ok && state.message) setOpen(false);
  }, [state]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="primary">{t("newSource")}</Button>
      </DialogTrigger>
      {open ? (
        <DialogContent closeLabel={t("form.cancel")} aria-describedby={undefined}>
          <DialogTitle>{t("newSource")}</DialogTitle>
          <NewSourceForm canMarkInternal={canMarkInternal} languages={languages} state={state} formAction={formAction} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function NewSourceForm({
  canMarkInternal,
  languages,
  state,
  formAction,
}: {
  canMarkInternal: boolean;
  languages: { code: string; label: string }[];
  state: ActionState<unknown>;
  formAction: (form: FormData) => void;
}) {
  const t = useTranslations("ingest");
  const values = state.ok ? {} : (state.values ?? {});
  const [kind, setKind] = useState<Kind>((values.kind as Kind | undefined) ?? "FEED");
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="stack" noValidate>
      <FormMessage state={state} />
      <div className="field">
        <label htmlFor="ingest-kind">{t("form.kind")}</label>
        <select id="ingest-kind" name="kind" value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`kinds.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <FormField idPrefix="ingest-" name="name" label={t("form.name")} required defaultValue={values.name} errors={errors.name} />
      {kind === "FEED" ? (
        <FormField
          idPrefix="ingest-"
          name="url"
          type="url"
          label={t("form.url")}
          hint={t("form.urlHint")}
          required
          defaultValue={values.url}
          errors={errors.url}
        />
      ) : null}
      {kind === "IMAP" ? (
        <>
          <FormField idPrefix="ingest-" name="host" label={t("form.host")} required defaultValue={values.host} errors={errors.host} />
          <FormField
            idPrefix="ingest-"
            name="port"
            inputMode="numeric"
            label={t("form.port")}
            defaultValue={values.port ?? "993"}
            errors={errors.port}
          />
          <FormField
            idPrefix="ingest-"
            name="username"
            label={t("form.username")}
            required
            defaultValue={values.username}
            errors={errors.username}
          />
          <FormField
            idPrefix="ingest-"
            name="password"
            type="password"
            autoComplete="off"
            label={t("form.password")}
            hint={t("form.passwordHint")}
            errors={errors.password}
          />
          <FormField
            idPrefix="ingest-"
            name="mailbox"
            label={t("form.mailbox")}
            defaultValue={values.mailbox ?? "INBOX"}
            errors={errors.mailbox}
          />
        </>
      ) : null}
      {kind === "FOLDER" ? (
        <FormField idPrefix="ingest-" name="path" label={t("form.path")} required defaultValue={values.path} errors={errors.path} />
      ) : null}
      <div className="field">
        <label htmlFor="ingest-languageHint">{t("form.languageHint")}</label>
        <select id="ingest-languageHint" name="languageHint" defaultValue={values.languageHint ?? ""}>
          <option value="">{t("form.languageNone")}</option>
          {languages.map((language) => (
            <option key={language.code} value={language.code}>
              {language.label}
            </option>
          ))}
        </select>
      </div>
      <FormField
        idPrefix="ingest-"
        name="defaultTags"
        label={t("form.defaultTags")}
        hint={t("form.defaultTagsHint")}
        defaultValue={values.defaultTags}
        errors={errors.defaultTags}
      />
      <FormField
        idPrefix="ingest-"
        name="pollIntervalMinutes"
        inputMode="numeric"
        label={t("form.pollInterval")}
        required
        defaultValue={values.pollIntervalMinutes ?? "15"}
        errors={errors.pollIntervalMinutes}
      />
      <label className="flex items-start gap-2">
        <input type="checkbox" name="trusted" defaultChecked={values.trusted === "on"} />
        <span>{t("form.trusted")}</span>
      </label>
      {canMarkInternal ? (
        <label className="flex items-start gap-2">
          <input type="checkbox" name="internal" defaultChecked={values.internal === "on"} />
          <span>{t("form.internal")}</span>
        </label>
      ) : null}
      <SubmitButton>{t("form.submit")}</SubmitButton>
    </form>
  );
}

/** Pause or resume, and "Poll now": the row's and the source page's controls. */
export function SourceControls({ source }: { source: { id: string; name: string; enabled: boolean } }) {
  const t = useTranslations("ingest");
  const [pollState, pollAction] = useActionState(pollIngestSourceNow, initialActionState);
  const [enabledState, enabledAction] = useActionState(setIngestSourceEnabled, initialActionState);
  useActionToast(pollState, { refusals: true });
  useActionToast(enabledState, { refusals: true });
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={pollAction}>
        <input type="hidden" name="sourceId" value={source.id} />
        <SubmitButton variant="secondary" size="sm" aria-label={t("pollNowLabel", { name: source.name })}>
          {t("pollNow")}
        </SubmitButton>
      </form>
      <form action={enabledAction}>
        <input type="hidden" name="sourceId" value={source.id} />
        <input type="hidden" name="enabled" value={source.enabled ? "false" : "true"} />
        <SubmitButton variant="ghost" size="sm">
          {source.enabled ? t("pause") : t("resume")}
        </SubmitButton>
      </form>
    </div>
  );
}

/** An admin's switch on a source's page: let it reach private and loopback addresses, or no longer. */
export function InternalSwitch({ source }: { source: { id: string; internal: boolean } }) {
  const t = useTranslations("ingest");
  const [state, action] = useActionState(setIngestSourceInternal, initialActionState);
  useActionToast(state, { refusals: true });
  return (
    <form action={action} className="stack">
      <input type="hidden" name="sourceId" value={source.id} />
      <input type="hidden" name="internal" value={source.internal ? "false" : "true"} />
      <p className="text-sm text-muted-foreground">{source.internal ? t("internal.isInternal") : t("internal.isPublic")}</p>
      <div>
        <SubmitButton variant="secondary" size="sm">
          {source.internal ? t("internal.unmark") : t("internal.mark")}
        </SubmitButton>
      </div>
    </form>
  );
}
