"use client";
// The article's details in the document panel (the title is the page's heading: title-field.tsx):
// slug (follows the title until edited; a clash in the same language shows its message and a free
// alternative next to the field), standfirst, dateline, date, source agency and the SEO description.
import type { TextareaHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { FormField } from "@/components/ui/form-field";
import { SEO_DESCRIPTION_MAX, type MetadataField, type VersionMetadata } from "@/lib/editing/fields";

type Props = {
  values: VersionMetadata;
  errors: Record<string, string[]>;
  slugSuggestion: string | null;
  onChange: (field: MetadataField, value: string) => void;
  onGenerateSlug: () => void;
};

function TextArea({
  name,
  label,
  errors,
  hint,
  ...input
}: { name: string; label: string; errors?: string[]; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const describedBy = [hint ? `${name}-hint` : null, `${name}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <textarea
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="w-full rounded-md border border-input-border bg-surface p-2"
        {...input}
      />
      {hint ? (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <div id={`${name}-error`} aria-live="polite" className="field-error">
        {errors?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}

export function MetadataFields({ values, errors, slugSuggestion, onChange, onGenerateSlug }: Props) {
  const t = useTranslations("editor");
  const text = (field: MetadataField) => ({
    value: values[field] ?? "",
    errors: errors[field],
    onChange: (event: { target: { value: string } }) => onChange(field, event.target.value),
  });
  const seoLength = (values.seoDescription ?? "").length;
  return (
    <div className="stack">
      <div>
        <FormField
          name="slug"
          label={t("fields.slug")}
          hint={t("fields.slugHint")}
          {...text("slug")}
          spellCheck={false}
          autoCapitalize="off"
          required
        />
        <div className="flex flex-wrap gap-3">
          <button type="button" className="button link min-h-6 text-sm" onClick={onGenerateSlug}>
            {t("fields.slugGenerate")}
          </button>
          {slugSuggestion ? (
            <button type="button" className="button small" onClick={() => onChange("slug", slugSuggestion)}>
              {t("fields.slugUse", { slug: slugSuggestion })}
            </button>
          ) : null}
        </div>
      </div>
      <TextArea name="standfirst" label={t("fields.standfirst")} rows={3} {...text("standfirst")} />
      <div className="grid gap-3">
        <FormField name="datelinePlace" label={t("fields.datelinePlace")} {...text("datelinePlace")} />
        <FormField
          name="storyDate"
          label={t("fields.storyDate")}
          hint={t("fields.storyDateHint")}
          inputMode="numeric"
          {...text("storyDate")}
        />
        <FormField name="sourceAgency" label={t("fields.sourceAgency")} {...text("sourceAgency")} />
      </div>
      <TextArea
        name="seoDescription"
        label={t("fields.seoDescription")}
        rows={2}
        maxLength={SEO_DESCRIPTION_MAX}
        hint={t("fields.seoCounter", { count: seoLength, max: SEO_DESCRIPTION_MAX })}
        {...text("seoDescription")}
      />
    </div>
  );
}
