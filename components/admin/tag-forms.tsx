"use client";
// The forms of tag management: create or edit a tag (type, both labels, descriptions, aliases),
// merge it into another, delete it with or without reassigning its articles.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { useActionToast } from "@/components/ui/use-action-toast";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import { createTag, deleteTag, mergeTag, updateTag } from "@/lib/tags/actions";

const TYPES = ["PERSON", "ORGANISATION", "PLACE", "TOPIC", "EVENT"] as const;

export type TagFormValues = {
  id?: string;
  type?: string;
  labelFr?: string;
  labelEn?: string;
  descriptionFr?: string;
  descriptionEn?: string;
  aliases?: string;
};

export type TagOption = { id: string; label: string };

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="field-error">
      {errors?.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}

export function TagTypeSelect({
  id,
  defaultValue,
  errors,
  required,
}: {
  id: string;
  defaultValue?: string;
  errors?: string[];
  required?: boolean;
}) {
  const t = useTranslations("tags");
  return (
    <div className="field">
      <label htmlFor={id}>{t("type")}</label>
      <select
        id={id}
        name="type"
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-error`}
      >
        <option value="" disabled>
          {t("chooseType")}
        </option>
        {TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`types.${type}`)}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function TextArea({
  id,
  name,
  label,
  hint,
  defaultValue,
  errors,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  errors?: string[];
}) {
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={3}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        className="w-full max-w-xl rounded border border-input-border p-2"
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** Create (no `initial.id`) or edit a tag. */
export function TagFieldsForm({ initial = {} }: { initial?: TagFormValues }) {
  const t = useTranslations("tags");
  const editing = Boolean(initial.id);
  const [state, formAction] = useActionState(editing ? updateTag : createTag, initialActionState);
  useActionToast(state);
  // After a successful create the form starts empty; after an edit it keeps what was saved.
  const values = state.ok ? (editing ? { ...initial, ...state.values } : {}) : { ...initial, ...state.values };
  const prefix = editing ? "edit-" : "new-";
  return (
    <form action={formAction} className="stack" noValidate key={state.ok && !editing ? `done-${state.message}` : "editing"}>
      <FormMessage state={state} />
      {editing ? <input type="hidden" name="tagId" value={initial.id} /> : null}
      <TagTypeSelect id={`${prefix}type`} defaultValue={values.type} errors={state.errors?.type} required />
      <FormField
        idPrefix={prefix}
        name="labelFr"
        label={t("labelFr")}
        lang="fr"
        required
        defaultValue={values.labelFr}
        errors={state.errors?.labelFr}
      />
      <FormField
        idPrefix={prefix}
        name="labelEn"
        label={t("labelEn")}
        lang="en"
        required
        defaultValue={values.labelEn}
        errors={state.errors?.labelEn}
      />
      <TextArea
        id={`${prefix}descriptionFr`}
        name="descriptionFr"
        label={t("descriptionFr")}
        defaultValue={values.descriptionFr}
        errors={state.errors?.descriptionFr}
      />
      <TextArea
        id={`${prefix}descriptionEn`}
        name="descriptionEn"
        label={t("descriptionEn")}
        defaultValue={values.descriptionEn}
        errors={state.errors?.descriptionEn}
      />
      <TextArea
        id={`${prefix}aliases`}
        name="aliases"
        label={t("aliases")}
        hint={t("aliasesHint")}
        defaultValue={values.aliases}
        errors={state.errors?.aliases}
      />
      <SubmitButton>{editing ? t("save") : t("create")}</SubmitButton>
    </form>
  );
}

export function MergeTagForm({ tagId, targets }: { tagId: string; targets: TagOption[] }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(mergeTag, initialActionState);
  useActionToast(state);
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      <input type="hidden" name="tagId" value={tagId} />
      <div className="field">
        <label htmlFor="merge-target">{t("mergeInto")}</label>
        <p id="merge-target-hint" className="hint">
          {t("mergeHint")}
        </p>
        <select id="merge-target" name="targetId" defaultValue="" aria-describedby="merge-target-hint merge-target-error">
          <option value="" disabled>
            {t("chooseTag")}
          </option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.label}
            </option>
          ))}
        </select>
        <FieldErrors id="merge-target-error" errors={state.errors?.targetId} />
      </div>
      <SubmitButton>{t("merge")}</SubmitButton>
    </form>
  );
}

export function DeleteTagForm({ tagId, targets }: { tagId: string; targets: TagOption[] }) {
  const t = useTranslations("tags");
  const [state, formAction] = useActionState(deleteTag, initialActionState);
  useActionToast(state);
  const [mode, setMode] = useState<"remove" | "reassign">("remove");
  return (
    <form action={formAction} className="stack">
      <FormMessage state={state} />
      <input type="hidden" name="tagId" value={tagId} />
      <fieldset>
        <legend className="font-semibold">{t("deleteWhat")}</legend>
        <label className="block">
          <input type="radio" name="mode" value="remove" checked={mode === "remove"} onChange={() => setMode("remove")} />{" "}
          {t("deleteRemove")}
        </label>
        <label className="block">
          <input type="radio" name="mode" value="reassign" checked={mode === "reassign"} onChange={() => setMode("reassign")} />{" "}
          {t("deleteReassign")}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="reassign-to">{t("reassignTo")}</label>
        <select id="reassign-to" name="reassignTo" defaultValue="" disabled={mode !== "reassign"} aria-describedby="reassign-to-error">
          <option value="">{t("chooseTag")}</option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.label}
            </option>
          ))}
        </select>
        <FieldErrors id="reassign-to-error" errors={state.errors?.reassignTo} />
      </div>
      <SubmitButton className="button danger">{t("delete")}</SubmitButton>
    </form>
  );
}
