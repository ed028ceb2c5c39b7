"use client";
// The import review: one form holding the original and the cleaned text side by side (tabs on a
// phone), a bar that walks the changes (j/k, announced) with Undo/Redo for each, the corrected
// title/date/language, the flagged removals to tick, and Save/Accept (Ctrl/Cmd+Enter); both store
// the corrections first. Rejecting is a form of its own.
import Link from "next/link";
import { useActionState, useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ChevronDown, ChevronUp } from "lucide-react";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { rejectImportReview, submitImportReview, type AcceptRefusal } from "@/lib/import-review/actions";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { useWideScreen } from "@/components/ui/use-wide-screen";
import { primaryShortcutLabel } from "@/components/editor/document-actions";
import { duplicateHref } from "@/lib/import-review/duplicate-link";
import { ARTICLE_LANGUAGES } from "@/lib/i18n/languages";
import { useLeaveWarning } from "@/components/editor/use-leave-warning";

/**
 * `loss`: why removing this could lose part of the story (lib/import/losses.ts); accepting needs a tick.
 * `detail`: what the change rests on, when its label alone does not say (a learnt line's count of files).
 */
export type ChangeRow = { id: string; label: string; before: string; after?: string; applied: boolean; loss?: string; detail?: string };

type ReviewState = ActionState<AcceptRefusal>;

type ReviewProps = {
  recordId: string;
  /** In the order they stand in the original text (the order j walks them). */
  changes: ChangeRow[];
  title: string;
  date: string;
  language: string;
  hasDuplicates: boolean;
  /** The two texts with their changes marked (components/admin/import-review-text.tsx). */
  original: ReactNode;
  cleaned: ReactNode;
};

/** A key typed into a field or a select is text, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** Scrolls a mark to a third of its column's height, inside that column only (the page stays put). */
function scrollIntoColumn(mark: HTMLElement) {
  const column = mark.closest<HTMLElement>("[data-review-column]");
  if (!column) return;
  const top = mark.getBoundingClientRect().top - column.getBoundingClientRect().top + column.scrollTop;
  column.scrollTop = Math.max(0, top - column.clientHeight / 3);
}

export function ImportReviewForm({ recordId, changes, title, date, language, hasDuplicates, original, cleaned }: ReviewProps) {
  const t = useTranslations("import");
  const tr = useTranslations("importReview");
  const tEditor = useTranslations("editor");
  // Corrections typed since the last save: leaving asks first, and accepting takes them along.
  const [unsaved, setUnsaved] = useState(false);
  // One form, several buttons: the pressed one arrives as `intent` (or a change's `toggle`); all store the corrections first.
  const [state, formAction] = useActionState<ReviewState, FormData>(submitImportReview, initialActionState);
  useEffect(() => {
    if (state.ok) setUnsaved(false);
  }, [state]);
  useLeaveWarning(unsaved, tEditor("leaveWarning"));
  // Someone may have accepted the same text since this page was drawn: the refusal names the article.
  const duplicateOf = state.data?.duplicateOf;

  const formRef = useRef<HTMLFormElement>(null);
  const acceptRef = useRef<HTMLSpanElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const wide = useWideScreen();
  const [tab, setTab] = useState("cleaned");
  const [current, setCurrent] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  // Set when a key or button moved: focus follows then, not when the page redraws after a save.
  const moved = useRef(false);
  const change = changes[current];

  const goTo = useCallback(
    (index: number) => {
      if (changes.length === 0) return;
      const next = Math.min(Math.max(index, 0), changes.length - 1);
      moved.current = true;
      setCurrent(next);
      setAnnouncement(tr("position", { position: next + 1, total: changes.length, label: changes[next]!.label }));
    },
    [changes, tr],
  );

  // The current change is outlined in both texts and scrolled into view in each column; after a
  // move the focus goes to its mark in the original (else the cleaned text, else the bar).
  useEffect(() => {
    const root = formRef.current;
    if (!root) return;
    const marks = [...root.querySelectorAll<HTMLElement>("mark[data-change]")];
    for (const mark of marks) mark.toggleAttribute("data-current", mark.dataset.change === change?.id);
    if (!change) return;
    const own = marks.filter((mark) => mark.dataset.change === change.id);
    own.forEach(scrollIntoColumn);
    if (!moved.current) return;
    moved.current = false;
    const target = own.find((mark) => mark.dataset.side === "original") ?? own[0] ?? barRef.current;
    target?.focus({ preventScroll: true });
    barRef.current?.scrollIntoView({ block: "nearest" });
  }, [change, changes, tab, wide]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        formRef.current?.requestSubmit(acceptRef.current?.querySelector("button") ?? undefined);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('[role="dialog"]')) return;
      if (event.key === "j") goTo(current + 1);
      else if (event.key === "k") goTo(current < 0 ? 0 : current - 1);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [current, goTo]);

  // A click on a mark in either text makes it the current change.
  function onTextClick(event: React.MouseEvent) {
    const id = (event.target as HTMLElement).closest<HTMLElement>("mark[data-change]")?.dataset.change;
    const index = changes.findIndex((row) => row.id === id);
    if (index >= 0) goTo(index);
  }

  const losses = changes.filter((row) => row.loss && row.applied);
  const columns = (
    // A mouse shortcut only: the keyboard reaches every change with j/k and the list below.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div onClick={onTextClick} className="min-w-0">
      {wide ? (
        <div className="grid grid-cols-2 gap-4">
          <TextColumn label={tr("original")} id="raw">
            {original}
          </TextColumn>
          <TextColumn label={tr("cleaned")} id="cleaned">
            {cleaned}
          </TextColumn>
        </div>
      ) : (
        <Tabs value={tab} onValueChange={setTab}>
          <TabsList aria-label={tr("columns")} className="w-full">
            <TabsTrigger value="original" className="flex-1">
              {tr("original")}
            </TabsTrigger>
            <TabsTrigger value="cleaned" className="flex-1">
              {tr("cleaned")}
            </TabsTrigger>
          </TabsList>
          <TabsContent value="original" className="pt-2">
            <TextColumn label={tr("original")} id="raw" hideHeading>
              {original}
            </TextColumn>
          </TabsContent>
          <TabsContent value="cleaned" className="pt-2">
            <TextColumn label={tr("cleaned")} id="cleaned" hideHeading>
              {cleaned}
            </TextColumn>
          </TabsContent>
        </Tabs>
      )}
    </div>
  );

  return (
    <form ref={formRef} action={formAction} onChange={() => setUnsaved(true)} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="recordId" value={recordId} />
      {changes
        .filter((row) => row.applied)
        .map((row) => (
          <input key={row.id} type="hidden" name="apply" value={row.id} />
        ))}
      {/* First in the form: Enter in a field saves (a form's first submit button answers Enter). */}
      <div className="flex flex-wrap items-center justify-end gap-2">
        <SubmitButton name="intent" value="save" variant="secondary">
          {t("save")}
        </SubmitButton>
        <Tooltip>
          <TooltipTrigger asChild>
            <span ref={acceptRef} data-testid="accept-review">
              <SubmitButton name="intent" value="accept">
                {t("accept")}
              </SubmitButton>
            </span>
          </TooltipTrigger>
          <TooltipContent>{tr("acceptShortcut", { keys: primaryShortcutLabel() })}</TooltipContent>
        </Tooltip>
      </div>
      <FormMessage state={state} />
      {duplicateOf ? (
        <p data-testid="already-imported" className="m-0">
          <Link href={duplicateHref({ ...duplicateOf, similarity: 1, exact: true })}>
            {t("alreadyImportedAs", { title: duplicateOf.title })}
          </Link>
        </p>
      ) : null}
      {hasDuplicates || duplicateOf ? (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allowDuplicate" />
          {t("importAnyway")}
        </label>
      ) : null}

      <fieldset className="m-0 grid items-end gap-3 border-0 p-0 md:grid-cols-[2fr_1fr_1fr]">
        <legend className="sr-only">{t("fields")}</legend>
        <FormField name="title" label={t("articleTitle")} defaultValue={state.values?.title ?? title} errors={state.errors?.title} />
        <FormField name="date" label={t("date")} defaultValue={state.values?.date ?? date} errors={state.errors?.date} />
        <div className="field">
          <label htmlFor="language">{t("language")}</label>
          <select id="language" name="language" defaultValue={state.values?.language ?? language} aria-describedby="language-error">
            {language === "" ? <option value="">{t("languages.und")}</option> : null}
            {ARTICLE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`languages.${code}`)}
              </option>
            ))}
          </select>
          <div id="language-error" aria-live="polite" className="field-error">
            {state.errors?.language?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
      </fieldset>

      {losses.length > 0 ? (
        // Always in view (not inside a tab): accepting needs a tick on each.
        <section aria-labelledby="losses" className="rounded-md border border-(--error) p-3" data-testid="losses">
          <h2 id="losses" className="mt-0 mb-2 text-base">
            {tr("lossesTitle", { count: losses.length })}
          </h2>
          <ul className="m-0 flex list-none flex-col gap-2 p-0">
            {losses.map((row) => (
              <li key={row.id} className="text-sm" data-testid="loss-flag">
                <p className="m-0 font-semibold text-(--error)">{row.loss}</p>
                <p className="m-0 line-clamp-2 text-muted-foreground">
                  <del>{row.before}</del>
                </p>
                <div className="mt-1 flex flex-wrap items-center gap-3">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" name="confirmLoss" value={row.id} />
                    {t("lossConfirm")}
                  </label>
                  <Button variant="ghost" size="sm" onClick={() => goTo(changes.indexOf(row))}>
                    {tr("position", { position: changes.indexOf(row) + 1, total: changes.length, label: row.label })}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ChangeBar
        barRef={barRef}
        change={change}
        position={current}
        total={changes.length}
        onMove={(step) => goTo(current < 0 ? 0 : current + step)}
      />
      <div aria-live="polite" className="sr-only" data-testid="change-announcer">
        {announcement}
      </div>
      {columns}

      <section aria-labelledby="changes-list">
        <h2 id="changes-list" className="mb-1 text-lg">
          {tr("allChanges", { count: changes.length })}
        </h2>
        <p className="hint mt-0">{changes.length === 0 ? t("noChanges") : tr("listHint")}</p>
        <ol className="m-0 flex list-none flex-col divide-y divide-line p-0">
          {changes.map((row, index) => (
            <li
              key={row.id}
              data-testid="change"
              data-applied={row.applied}
              className={`flex flex-wrap items-start gap-3 py-2 ${index === current ? "bg-hover" : ""}`}
            >
              <button
                type="button"
                className="min-w-0 flex-1 cursor-pointer border-0 bg-transparent p-0 text-left text-foreground"
                onClick={() => goTo(index)}
                aria-current={index === current ? "true" : undefined}
              >
                <span className="block font-semibold">
                  {index + 1}. {row.label}
                  {row.applied ? null : <span className="ml-2 font-normal text-muted-foreground">({tr("undone")})</span>}
                  {row.loss ? <span className="ml-2 font-normal text-(--error)">({tr("flagged")})</span> : null}
                </span>
                {row.detail ? (
                  <span className="block text-sm text-muted-foreground" data-testid="change-detail">
                    {row.detail}
                  </span>
                ) : null}
                <BeforeAfter row={row} />
              </button>
              <SubmitButton name="toggle" value={row.id} variant="secondary" size="sm" aria-label={toggleName(tr, row)}>
                {row.applied ? tr("undo") : tr("redo")}
              </SubmitButton>
            </li>
          ))}
        </ol>
      </section>
    </form>
  );
}

function toggleName(tr: ReturnType<typeof useTranslations<"importReview">>, row: ChangeRow): string {
  return row.applied ? tr("undoNamed", { label: row.label }) : tr("redoNamed", { label: row.label });
}

function BeforeAfter({ row }: { row: ChangeRow }) {
  const t = useTranslations("import");
  const tr = useTranslations("importReview");
  return (
    <span className="line-clamp-2 text-sm break-words">
      <span className="sr-only">{t("before")}: </span>
      <del className="bg-(--badge-danger-bg) text-(--badge-danger-fg)">{row.before.trim()}</del>
      {" → "}
      <span className="sr-only">{t("after")}: </span>
      {row.after?.trim() ? (
        <ins className="bg-(--badge-success-bg) text-(--badge-success-fg) no-underline">{row.after.trim()}</ins>
      ) : (
        <em className="text-muted-foreground">{tr("removed")}</em>
      )}
    </span>
  );
}

/** The bar above the texts: where j/k stand, what the current change did, and its Undo/Redo. */
function ChangeBar({
  barRef,
  change,
  position,
  total,
  onMove,
}: {
  barRef: React.RefObject<HTMLDivElement | null>;
  change: ChangeRow | undefined;
  position: number;
  total: number;
  onMove: (step: number) => void;
}) {
  const tr = useTranslations("importReview");
  return (
    <div
      role="group"
      aria-label={tr("changesBar")}
      className="sticky top-0 z-10 flex items-center gap-2 rounded-md border border-line bg-surface p-2 shadow-sm"
      data-testid="change-bar"
    >
      <Button
        variant="ghost"
        size="icon"
        aria-label={tr("previous")}
        aria-keyshortcuts="k"
        disabled={position <= 0}
        onClick={() => onMove(-1)}
      >
        <ChevronUp aria-hidden />
      </Button>
      <div ref={barRef} tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
        {change ? (
          <>
            <p className="m-0 text-sm font-semibold">{tr("position", { position: position + 1, total, label: change.label })}</p>
            {change.detail ? <p className="m-0 text-sm text-muted-foreground">{change.detail}</p> : null}
            <BeforeAfter row={change} />
          </>
        ) : (
          <p className="m-0 text-sm text-muted-foreground">{tr("walkHint", { count: total })}</p>
        )}
      </div>
      {change ? (
        <SubmitButton name="toggle" value={change.id} variant="secondary" size="sm" aria-label={toggleName(tr, change)}>
          {change.applied ? tr("undo") : tr("redo")}
        </SubmitButton>
      ) : null}
      <Button
        variant="ghost"
        size="icon"
        aria-label={tr("next")}
        aria-keyshortcuts="j"
        disabled={total === 0 || position >= total - 1}
        onClick={() => onMove(1)}
      >
        <ChevronDown aria-hidden />
      </Button>
    </div>
  );
}

/** One of the two texts: its own scroll box, so walking the changes moves the text, not the page. */
function TextColumn({ label, id, hideHeading, children }: { label: string; id: string; hideHeading?: boolean; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="min-w-0">
      <h2 id={`${id}-heading`} className={hideHeading ? "sr-only" : "mt-0 mb-2 text-base"}>
        {label}
      </h2>
      {/* Focusable so the keyboard can scroll it (the marks inside are reached with j/k). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div data-review-column tabIndex={0} className="max-h-[65vh] overflow-auto rounded-md border border-line bg-surface p-3">
        {children}
      </div>
    </section>
  );
}

export function ImportRejectForm({ recordId }: { recordId: string }) {
  const t = useTranslations("import");
  const [rejectState, rejectAction] = useActionState(rejectImportReview, initialActionState);
  return (
    <div className="mt-6 border-t border-line pt-4">
      <form action={rejectAction} className="stack">
        <input type="hidden" name="recordId" value={recordId} />
        <SubmitButton variant="danger">{t("reject")}</SubmitButton>
        <FormMessage state={rejectState} />
      </form>
    </div>
  );
}
