"use client";
// The parts of the desk list that need the browser: "select all on this page", the selection
// count, and a row's actions menu. The list works without them (each row's checkbox still posts).
import { useEffect, useState, useTransition } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Loader2, MoreHorizontal } from "lucide-react";
import { toastActionResult } from "@/components/ui/use-action-toast";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

const rowBoxes = (formId: string) =>
  Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][data-row-select][form="${formId}"]`));

/** How many rows are ticked, kept current as boxes change (the bar itself shows by CSS alone). */
export function useSelectedCount(formId: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const update = () => setCount(rowBoxes(formId).filter((box) => box.checked).length);
    // A form reset (after a bulk action) unticks without a change event: count once it is done.
    const afterReset = () => setTimeout(update);
    update();
    document.addEventListener("change", update);
    document.addEventListener("reset", afterReset, true);
    return () => {
      document.removeEventListener("change", update);
      document.removeEventListener("reset", afterReset, true);
    };
  }, [formId]);
  return count;
}

export function SelectAllOnPage({ formId, label }: { formId: string; label: string }) {
  const count = useSelectedCount(formId);
  if (count === null) return null;
  const total = rowBoxes(formId).length;
  return (
    <input
      type="checkbox"
      aria-label={label}
      checked={total > 0 && count === total}
      onChange={(event) => {
        for (const box of rowBoxes(formId)) box.checked = event.currentTarget.checked;
        document.dispatchEvent(new Event("change"));
      }}
    />
  );
}

/** "2 selected" and a button that unticks them, once JavaScript runs. */
export function SelectionStatus({ formId }: { formId: string }) {
  const t = useTranslations("lists");
  const count = useSelectedCount(formId);
  if (!count) return null;
  return (
    <span className="flex items-center gap-2">
      <span className="text-sm font-semibold" data-testid="selection-count">
        {t("selected", { count })}
      </span>
      <Button
        variant="ghost"
        size="sm"
        onClick={() => {
          for (const box of rowBoxes(formId)) box.checked = false;
          document.dispatchEvent(new Event("change"));
        }}
      >
        {t("clearSelection")}
      </Button>
    </span>
  );
}

/** A row action: a page to open, or a server action run at once with the row's fields (its result is a toast). */
export type RowAction =
  | { href: string; label: string }
  | {
      label: string;
      action: (state: ActionState<never>, form: FormData) => Promise<ActionState<unknown>>;
      fields: Record<string, string>;
      danger?: boolean;
    };

export function RowActions({ label, actions }: { label: string; actions: RowAction[] }) {
  const [pending, startTransition] = useTransition();
  if (actions.length === 0) return null;
  const run = (item: Extract<RowAction, { action: unknown }>) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(item.fields)) form.set(key, value);
    startTransition(async () => toastActionResult(await item.action(initialActionState, form), { refusals: true }));
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="size-8" disabled={pending} aria-busy={pending || undefined}>
          {pending ? <Loader2 aria-hidden className="animate-spin" /> : <MoreHorizontal aria-hidden />}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {actions.map((item) =>
          "href" in item ? (
            <DropdownMenuItem key={item.href} asChild>
              <Link href={item.href}>{item.label}</Link>
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem key={item.label} onSelect={() => run(item)} className={item.danger ? "text-danger" : undefined}>
              {item.label}
            </DropdownMenuItem>
          ),
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
