"use client";
// The embargo's forms in the workflow panel: set (or move) the time a version stays held back from
// readers, or lift it at once. Server actions behind the permission wrapper (lib/embargo/actions.ts);
// the newest version number this tab has seen travels in a hidden field, as in the workflow's forms.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { offsetFor, VersionFields, type VersionRef } from "@/components/admin/workflow-panel-forms";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { liftVersionEmbargo, setVersionEmbargo } from "@/lib/embargo/actions";

/** `embargoed`: the version has an embargo already, which this form moves. */
export function EmbargoForm({ versionId, version, embargoed }: VersionRef & { embargoed: boolean }) {
  const t = useTranslations("workflow.embargo");
  const [state, action] = useActionState(setVersionEmbargo, initialActionState);
  const [offset, setOffset] = useState("");
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="stack rounded border border-neutral-300 p-3" data-testid="embargo-form">
      <VersionFields versionId={versionId} version={version} />
      <input type="hidden" name="timezoneOffset" value={offset} />
      <FormField
        idPrefix={`embargo-${versionId}-`}
        name="embargoedUntil"
        type="datetime-local"
        label={t("label")}
        hint={t("hint")}
        required
        defaultValue={values.embargoedUntil}
        onChange={(event) => setOffset(offsetFor(event.currentTarget.value))}
        errors={state.errors?.embargoedUntil}
      />
      <SubmitButton className="button small">{t(embargoed ? "move" : "submit")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function LiftEmbargoForm({ versionId, version }: VersionRef) {
  const t = useTranslations("workflow.embargo");
  const [state, action] = useActionState(liftVersionEmbargo, initialActionState);
  return (
    <form action={action} className="inline-form">
      <VersionFields versionId={versionId} version={version} />
      <SubmitButton className="button small">{t("clear")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
