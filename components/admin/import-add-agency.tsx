"use client";
// The review screen's "Agency not recognised?" form: adds an agency's written form to the registry
// (addImportAgency) and the page shows the file read again with it.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { addImportAgency } from "@/lib/import-review/actions";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export function AddAgencyForm({ recordId }: { recordId: string }) {
  const tr = useTranslations("importReview.addAgency");
  const [state, action] = useActionState(addImportAgency, initialActionState);
  return (
    <details
      className="mt-6 rounded-md border border-line p-3"
      data-testid="add-agency"
      open={state.message !== undefined ? true : undefined}
    >
      <summary className="cursor-pointer font-semibold">{tr("title")}</summary>
      <form action={action} className="mt-2 flex flex-col gap-2" noValidate>
        <p className="hint m-0">{tr("hint")}</p>
        <input type="hidden" name="recordId" value={recordId} />
        <div className="grid items-start gap-3 md:grid-cols-2">
          <FormField
            name="form"
            idPrefix="agency-"
            label={tr("form")}
            autoComplete="off"
            defaultValue={state.ok ? "" : (state.values?.form ?? "")}
            errors={state.errors?.form}
          />
          <FormField
            name="agency"
            idPrefix="agency-"
            label={tr("agency")}
            hint={tr("agencyHint")}
            autoComplete="off"
            defaultValue={state.ok ? "" : (state.values?.agency ?? "")}
            errors={state.errors?.agency}
          />
        </div>
        <div>
          <SubmitButton variant="secondary">{tr("submit")}</SubmitButton>
        </div>
        <FormMessage state={state} />
      </form>
    </details>
  );
}
