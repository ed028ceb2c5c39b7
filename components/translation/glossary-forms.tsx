"use client";
// Glossary forms (editors): add a term pair, and per term edit or delete.
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { createGlossaryEntry, deleteGlossaryEntry, updateGlossaryEntry } from "@/lib/translations/actions";

export function CreateTermForm() {
  const t = useTranslations("translations.glossary");
  const [state, action] = useActionState(createGlossaryEntry, initialActionState);
  const values = state.ok ? {} : (state.values ?? {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form action={action} className="inline-form" ref={form}>
      <FormField
        idPrefix="new-"
        name="termFr"
        label={t("termFr")}
        lang="fr"
        required
        defaultValue={values.termFr}
        errors={state.errors?.termFr}
      />
      <FormField
        idPrefix="new-"
        name="termEn"
        label={t("termEn")}
        lang="en"
        required
        defaultValue={values.termEn}
        errors={state.errors?.termEn}
      />
      <FormField idPrefix="new-" name="note" label={t("note")} defaultValue={values.note} errors={state.errors?.note} />
      <SubmitButton>{t("add")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function TermRow({ term }: { term: { id: string; termFr: string; termEn: string; note: string | null } }) {
  const t = useTranslations("translations.glossary");
  const [updateState, update] = useActionState(updateGlossaryEntry, initialActionState);
  const [deleteState, remove] = useActionState(deleteGlossaryEntry, initialActionState);
  const prefix = `term-${term.id}-`;
  return (
    <li className="border-b border-line py-2" data-testid="glossary-term">
      <form action={update} className="inline-form">
        <input type="hidden" name="id" value={term.id} />
        <FormField
          idPrefix={prefix}
          name="termFr"
          label={t("termFr")}
          lang="fr"
          defaultValue={term.termFr}
          errors={updateState.errors?.termFr}
        />
        <FormField
          idPrefix={prefix}
          name="termEn"
          label={t("termEn")}
          lang="en"
          defaultValue={term.termEn}
          errors={updateState.errors?.termEn}
        />
        <FormField idPrefix={prefix} name="note" label={t("note")} defaultValue={term.note ?? ""} />
        <SubmitButton className="button small">{t("update")}</SubmitButton>
        <FormMessage state={updateState} />
      </form>
      <form action={remove} className="inline-form">
        <input type="hidden" name="id" value={term.id} />
        <SubmitButton className="button small danger">{t("delete")}</SubmitButton>
        <FormMessage state={deleteState} />
      </form>
    </li>
  );
}
