"use client";
// The article list's selection bar: the rows' checkboxes belong to this form through their `form`
// attribute, so it posts without JavaScript too; its controls show only while rows are ticked; the
// outcome is a summary of what was done and what was refused, and why.
import { startTransition, useActionState, useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { SelectionStatus, useSelectedCount } from "@/components/ui/data-list-client";
import { SELECTION_BAR_CLASSES } from "@/components/ui/data-list-classes";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/action-state";
import type { BulkSummary } from "@/lib/articles/bulk";
import { BULK_FORM_ID } from "@/lib/articles/bulk-form";
import { listBulkTagChoices } from "@/lib/tags/actions";
import { bulkUpdateVersions } from "@/lib/workflow/actions";

type TagChoice = { id: string; label: string };

export function BulkActions({ canTag }: { canTag: boolean }) {
  const t = useTranslations("workflow.bulk");
  const root = useTranslations();
  const [state, action] = useActionState(bulkUpdateVersions, initialActionState);
  const [operation, setOperation] = useState(state.values?.operation ?? "");
  const tags = useTagChoicesOnceOpen(canTag);
  const summary = state.ok ? state.data : undefined;

  // A workflow reason has a short wording here; another feature's refusal key is shown with its own message.
  const reason = (operation: string, key: string) => {
    if (t.has(`reasons.${operation}_${key}`)) return t(`reasons.${operation}_${key}`);
    if (t.has(`reasons.${key}`)) return t(`reasons.${key}`);
    return root.has(key) ? root(key) : key;
  };
  const summaryText = (result: BulkSummary) => {
    const refusedCount = result.refused.reduce((sum, entry) => sum + entry.count, 0);
    const reasons = result.refused
      .map((entry) =>
        result.refused.length > 1 ? `${reason(result.operation, entry.reason)} (${entry.count})` : reason(result.operation, entry.reason),
      )
      .join(", ");
    const done = t(`done.${result.operation}`, { count: result.done });
    return refusedCount ? `${done}; ${t("refused", { count: refusedCount, reasons })}` : done;
  };

  return (
    <form id={BULK_FORM_ID} action={action} className="mb-3">
      <fieldset
        className={`inline-form sticky top-0 z-10 m-0 flex-wrap items-end gap-3 rounded-lg border border-primary bg-surface p-3 shadow-md ${SELECTION_BAR_CLASSES}`}
        data-testid="selection-bar"
      >
        <legend className="sr-only">{t("legend")}</legend>
        <SelectionStatus formId={BULK_FORM_ID} />
        <div className="field">
          <label htmlFor="bulk-operation">{t("operation")}</label>
          <select
            id="bulk-operation"
            name="operation"
            value={operation}
            onChange={(event) => setOperation(event.currentTarget.value)}
            aria-describedby="bulk-operation-error"
          >
            <option value="">{t("choose")}</option>
            <option value="publish">{t("publish")}</option>
            <option value="archive">{t("archive")}</option>
            {canTag ? <option value="tag">{t("tag")}</option> : null}
          </select>
          <div id="bulk-operation-error" aria-live="polite" className="field-error">
            {state.errors?.operation?.map((message) => (
              <p key={message}>{message}</p>
            ))}
            {state.errors?.items?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
        {canTag ? (
          <div className="field">
            <label htmlFor="bulk-tag">{t("tagLabel")}</label>
            {/* Keyed on the loaded list: the refilled choice applies once its option exists. */}
            <select
              key={tags ? "loaded" : "loading"}
              id="bulk-tag"
              name="tagId"
              defaultValue={state.values?.tagId ?? ""}
              aria-describedby="bulk-tag-error"
              aria-busy={tags ? undefined : true}
            >
              <option value="">{t("noTag")}</option>
              {(tags ?? []).map((tag) => (
                <option key={tag.id} value={tag.id}>
                  {tag.label}
                </option>
              ))}
            </select>
            <div id="bulk-tag-error" aria-live="polite" className="field-error">
              {state.errors?.tagId?.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          </div>
        ) : null}
        <SubmitButton className="button small">{t("apply")}</SubmitButton>
      </fieldset>
      {summary ? (
        <div aria-live="polite" className="form-message ok" data-testid="bulk-summary">
          <p role="status">{summaryText(summary)}</p>
        </div>
      ) : (
        <FormMessage state={state} />
      )}
    </form>
  );
}

/** The tags to choose from, asked for the first time a row is ticked (the bar opens): the list
 * page itself carries none. Null until they arrive. */
function useTagChoicesOnceOpen(canTag: boolean): TagChoice[] | null {
  const open = (useSelectedCount(BULK_FORM_ID) ?? 0) > 0;
  const [tags, setTags] = useState<TagChoice[] | null>(null);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!canTag || !open || asked) return;
    setAsked(true);
    // Asked once: a refusal or a lost connection leaves only "no tag", and the bulk action's own check
    // still runs. In a transition, as Next's documentation asks of an action called by hand.
    startTransition(async () => {
      const result = await listBulkTagChoices(initialActionState, new FormData()).catch(() => null);
      if (result?.ok && result.data) {
        const choices = result.data;
        startTransition(() => setTags(choices));
      }
    });
  }, [canTag, open, asked]);
  return tags;
}
