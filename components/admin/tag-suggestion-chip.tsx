"use client";
// One tag suggestion as a chip: its name, type and how often it occurs; accept or dismiss in one
// click; the sentence it was found in on hover or focus. A suggestion for a name no tag has yet is
// accepted in a small dialog, prefilled with both labels and the type, that creates the tag.
import { useActionState, useState } from "react";
import { Check, Plus, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { TagTypeSelect } from "@/components/admin/tag-forms";
import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { initialActionState } from "@/lib/action-state";
import { acceptTagSuggestion, dismissTagSuggestion } from "@/lib/tags/actions";

export type SuggestionView = {
  id: string;
  label: string;
  sentence: string;
  occurrences: number;
  type: string | null;
  existing: { fr: string; en: string } | null;
  prefill: { fr: string; en: string };
};

const ICON_BUTTON =
  "inline-flex size-7 items-center justify-center rounded-full text-foreground hover:bg-hover disabled:cursor-progress disabled:opacity-60 [&_svg]:size-4";

function bothLabels(labels: { fr: string; en: string }): string {
  return labels.fr === labels.en ? labels.fr : `${labels.fr} / ${labels.en}`;
}

function CreateTagDialog({ suggestion }: { suggestion: SuggestionView }) {
  const t = useTranslations("tags");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(acceptTagSuggestion, initialActionState);
  const prefix = `suggestion-${suggestion.id}-`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger className={ICON_BUTTON} aria-label={t("accept", { label: suggestion.label })}>
        <Plus aria-hidden />
      </DialogTrigger>
      <DialogContent closeLabel={t("chips.close")} className="w-[min(28rem,calc(100vw-2rem))]">
        <DialogTitle>{t("chips.createTitle", { label: suggestion.label })}</DialogTitle>
        <DialogDescription className="m-0 text-sm text-muted-foreground">{t("chips.createHint")}</DialogDescription>
        <form action={action} className="stack" data-testid="create-tag-from-suggestion">
          <input type="hidden" name="suggestionId" value={suggestion.id} />
          <TagTypeSelect
            id={`${prefix}type`}
            defaultValue={state.values?.type ?? suggestion.type ?? undefined}
            errors={state.errors?.type}
            required
          />
          <FormField
            idPrefix={prefix}
            name="labelFr"
            label={t("labelFr")}
            lang="fr"
            required
            defaultValue={state.values?.labelFr ?? suggestion.prefill.fr}
            errors={state.errors?.labelFr}
          />
          <FormField
            idPrefix={prefix}
            name="labelEn"
            label={t("labelEn")}
            lang="en"
            required
            defaultValue={state.values?.labelEn ?? suggestion.prefill.en}
            errors={state.errors?.labelEn}
          />
          <div className="flex flex-wrap justify-end gap-2">
            <SubmitButton variant="primary" size="sm">
              {t("chips.createAndTag")}
            </SubmitButton>
          </div>
          <FormMessage state={state} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

function AcceptButton({ suggestion }: { suggestion: SuggestionView }) {
  const t = useTranslations("tags");
  const [state, action] = useActionState(acceptTagSuggestion, initialActionState);
  return (
    <form action={action} className="inline-flex">
      <input type="hidden" name="suggestionId" value={suggestion.id} />
      <SubmitButton className={ICON_BUTTON} aria-label={t("accept", { label: suggestion.label })}>
        <Check aria-hidden />
      </SubmitButton>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}

function DismissButton({ suggestion }: { suggestion: SuggestionView }) {
  const t = useTranslations("tags");
  const [state, action] = useActionState(dismissTagSuggestion, initialActionState);
  return (
    <form action={action} className="inline-flex">
      <input type="hidden" name="suggestionId" value={suggestion.id} />
      <SubmitButton className={ICON_BUTTON} aria-label={t("dismiss", { label: suggestion.label })}>
        <X aria-hidden />
      </SubmitButton>
      {state.ok ? null : <FormMessage state={state} />}
    </form>
  );
}

export function TagSuggestionChip({
  suggestion,
  typeLabel,
  language,
}: {
  suggestion: SuggestionView;
  typeLabel: string | null;
  language: string;
}) {
  const t = useTranslations("tags");
  const origin = suggestion.existing ? t("existingTag", { label: bothLabels(suggestion.existing) }) : t("newEntity");
  return (
    <li
      data-testid="tag-suggestion"
      className={`flex max-w-full items-center gap-1.5 rounded-full border bg-surface py-0.5 pr-0.5 pl-3 text-sm ${suggestion.existing ? "border-input-border" : "border-dashed border-input-border"}`}
    >
      <Tooltip>
        <TooltipTrigger asChild>
          {/* Focusable so the sentence shows for the keyboard too. */}
          {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
          <span tabIndex={0} className="min-w-0 truncate rounded font-semibold">
            {suggestion.label}
          </span>
        </TooltipTrigger>
        <TooltipContent lang={language} className="text-sm">
          {suggestion.sentence}
        </TooltipContent>
      </Tooltip>
      {typeLabel ? <Badge>{typeLabel}</Badge> : null}
      <span className="text-xs text-muted-foreground" aria-hidden="true">
        {suggestion.occurrences}×
      </span>
      <span className="sr-only">
        {t("chips.occurrences", { count: suggestion.occurrences })}, {origin}
      </span>
      {suggestion.existing ? <AcceptButton suggestion={suggestion} /> : <CreateTagDialog suggestion={suggestion} />}
      <DismissButton suggestion={suggestion} />
    </li>
  );
}
