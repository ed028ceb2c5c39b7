"use client";
// The side-by-side translation editor: the source on the left (read only), the translation on the
// right, one row per source paragraph. Alt+↓/Alt+↑ jump to the next/previous paragraph still to
// translate or check; stale paragraphs show what changed in the source and a "still correct"
// button; glossary hints and translation-memory suggestions sit under each row. Each translation
// paragraph is a small rich-text field (bold, italic, links), so the source's marks can be kept.
// The translator may comment on a passage of the source: select it, choose Comment (or press
// Ctrl/Cmd+Alt+M); the passage is highlighted and the threads listed under the rows.
import { useEffect, useMemo, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { saveTranslationVersion } from "@/lib/translations/actions";
import { saveTranslationUpdateDraft } from "@/lib/translations/live-update-actions";
import { ParagraphEditor, type ParagraphEditorHandle } from "@/components/editor/paragraph-editor";
import { containsTerm } from "@/lib/translations/glossary";
import { inlineText, type Inline } from "@/lib/translations/inline";
import type { TranslationWorkspace } from "@/lib/translations/queries";
import { foldForMatching } from "@/lib/translations/text";
import { locatePassage, type CommentAnchor } from "@/lib/comments/anchor";
import type { CommentThreadView } from "@/lib/workflow/queries";
import { CommentComposer } from "@/components/comments/comment-composer";
import { CommentableText, commentableText, useCommentableSelection, type TextHighlight } from "@/components/comments/commentable-text";
import { CommentThreads } from "@/components/comments/comment-threads";
import { useCommentActions } from "@/components/comments/use-comment-actions";
import { Button } from "@/components/ui/button";

type Row = TranslationWorkspace["rows"][number];
type Target = NonNullable<TranslationWorkspace["target"]>;
type Update = NonNullable<TranslationWorkspace["update"]>;

/**
 * Edits `target`, or, when a published translation is being brought up to date, its pending
 * `update` (saved to the update; the live version is not draft).
 */
export function TranslationEditor({
  workspace,
  target,
  update = null,
  canEdit,
  comments = [],
  canComment = false,
}: {
  workspace: TranslationWorkspace;
  target: Target;
  update?: Update | null;
  canEdit: boolean;
  /** Threads on the source and on this translation. */
  comments?: CommentThreadView[];
  canComment?: boolean;
}) {
  const draft = update ?? target;
  const t = useTranslations("translations.editor");
  const router = useRouter();
  const [contents, setContents] = useState<Record<string, Inline>>(() =>
    Object.fromEntries(workspace.rows.map((row) => [row.sourceBlockId, row.targetInline])),
  );
  const textOf = (sourceBlockId: string) => inlineText(contents[sourceBlockId] ?? []);
  const [fields, setFields] = useState({
    title: draft.title,
    standfirst: draft.standfirst ?? "",
    seoDescription: draft.seoDescription ?? "",
  });
  const [keepOrphans, setKeepOrphans] = useState<Set<string>>(() => new Set(workspace.orphans.map((orphan) => orphan.blockId)));
  const [edited, setEdited] = useState<Set<string>>(new Set());
  const [dirty, setDirty] = useState(false);
  const [result, setResult] = useState<ActionState<{ version: number }>>(initialActionState);
  const [pending, startTransition] = useTransition();
  // The version this editor last read or wrote: the next save names it (optimistic concurrency).
  const [version, setVersion] = useState(draft.version);
  const fieldsByRow = useRef<(ParagraphEditorHandle | null)[]>([]);

  const needsWork = (row: Row) => row.state !== "current" && !(edited.has(row.sourceBlockId) && textOf(row.sourceBlockId).trim() !== "");
  const remaining = workspace.rows.filter(needsWork).length;

  function save(confirmed: string[] = []) {
    const form = new FormData();
    if (update) form.set("updateId", update.id);
    else form.set("versionId", target.id);
    form.set("version", String(version));
    form.set("title", fields.title);
    form.set("standfirst", fields.standfirst);
    form.set("seoDescription", fields.seoDescription);
    form.set(
      "blocks",
      JSON.stringify(
        workspace.rows
          .filter((row) => edited.has(row.sourceBlockId))
          .map((row) => ({ sourceBlockId: row.sourceBlockId, content: contents[row.sourceBlockId] ?? [] })),
      ),
    );
    form.set("confirmed", JSON.stringify(confirmed));
    form.set("keepOrphans", JSON.stringify([...keepOrphans]));
    startTransition(async () => {
      const outcome = await (update ? saveTranslationUpdateDraft : saveTranslationVersion)(initialActionState, form);
      setResult(outcome);
      if (outcome.ok && outcome.data) {
        setVersion(outcome.data.version);
        setEdited(new Set());
        setDirty(false);
        // The page re-reads the saved version: paragraph states are recomputed on the server.
        router.refresh();
      }
    });
  }

  function edit(sourceBlockId: string, content: Inline) {
    setContents((current) => ({ ...current, [sourceBlockId]: content }));
    setEdited((current) => new Set(current).add(sourceBlockId));
    setDirty(true);
  }

  /** Moves focus to the next (or previous) paragraph still to translate or check. */
  function jump(from: number, step: 1 | -1) {
    const rows = workspace.rows;
    for (let index = from + step; index >= 0 && index < rows.length; index += step) {
      if (needsWork(rows[index]!)) {
        fieldsByRow.current[index]?.focus();
        return;
      }
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!event.altKey || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) return;
    event.preventDefault();
    const focused = fieldsByRow.current.findIndex((field) => field?.hasFocus());
    jump(focused, event.key === "ArrowDown" ? 1 : -1);
  }

  const message = pending ? t("saving") : (result.message ?? (dirty ? t("unsaved") : ""));

  // Comments on the source: its passages located in the rows' text, highlighted there.
  const tComments = useTranslations("workflow.comments");
  const commentActions = useCommentActions();
  const selection = useCommentableSelection();
  const [composer, setComposer] = useState<{ anchor: CommentAnchor; position: { left: number; top: number } } | null>(null);
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const sourceId = workspace.source.id;
  const sourceBlocks = useMemo(
    () => workspace.rows.map((row) => ({ blockId: row.sourceBlockId, text: commentableText(row.sourceInline) })),
    [workspace.rows],
  );
  const { highlights, located } = useMemo(() => {
    const byBlock = new Map<string, TextHighlight[]>();
    const found = new Set<string>();
    for (const thread of comments) {
      // A comment on the translation is anchored in its own text, which this view does not lay out.
      if (thread.versionId !== sourceId) {
        found.add(thread.id);
        continue;
      }
      const passage = locatePassage(sourceBlocks, thread.anchor);
      if (!passage) continue;
      found.add(thread.id);
      if (thread.resolved) continue;
      byBlock.set(passage.blockId, [
        ...(byBlock.get(passage.blockId) ?? []),
        { id: thread.id, from: passage.from, to: passage.to, active: thread.id === activeThread },
      ]);
    }
    return { highlights: byBlock, located: found };
  }, [comments, sourceId, sourceBlocks, activeThread]);

  const startComment = () => {
    if (!canComment || !selection) return;
    setComposer({ anchor: selection.anchor, position: { left: selection.rect.left, top: selection.rect.bottom + 8 } });
  };
  const startCommentRef = useRef(startComment);
  startCommentRef.current = startComment;
  useEffect(() => {
    // The source is read-only text: the shortcut is heard on the page, where its selection lives.
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === "KeyM") {
        event.preventDefault();
        startCommentRef.current();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    // Keyboard shortcuts for the whole editor, bubbling up from its native controls.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div onKeyDown={onKeyDown} data-testid="translation-editor">
      <p className="hint" id="keyboard-hint">
        <kbd>Alt</kbd>+<kbd>↓</kbd> / <kbd>Alt</kbd>+<kbd>↑</kbd> — {t("keyboardHint")}
      </p>
      <p data-testid="remaining">{t("remaining", { count: remaining })}</p>
      {workspace.outdated ? (
        <p className="form-message error" data-testid="outdated-banner">
          {t("outdated")}
        </p>
      ) : null}

      <div className="mb-4 grid grid-cols-1 gap-4 md:grid-cols-2">
        <div lang={workspace.sourceLanguage}>
          <p className="font-semibold">{t("fieldTitle")}</p>
          <p>{workspace.source.title}</p>
        </div>
        <div className="field">
          <label htmlFor="translation-title">{t("fieldTitle")}</label>
          <input
            id="translation-title"
            lang={workspace.language}
            value={fields.title}
            readOnly={!canEdit}
            onChange={(event) => (setFields({ ...fields, title: event.target.value }), setDirty(true))}
          />
        </div>
        <div lang={workspace.sourceLanguage}>
          <p className="font-semibold">{t("fieldStandfirst")}</p>
          <p>{workspace.source.standfirst}</p>
        </div>
        <div className="field">
          <label htmlFor="translation-standfirst">{t("fieldStandfirst")}</label>
          <textarea
            id="translation-standfirst"
            lang={workspace.language}
            rows={2}
            value={fields.standfirst}
            readOnly={!canEdit}
            onChange={(event) => (setFields({ ...fields, standfirst: event.target.value }), setDirty(true))}
          />
        </div>
        <div lang={workspace.sourceLanguage}>
          <p className="font-semibold">{t("fieldSeo")}</p>
          <p>{workspace.source.seoDescription}</p>
        </div>
        <div className="field">
          <label htmlFor="translation-seo">{t("fieldSeo")}</label>
          <textarea
            id="translation-seo"
            lang={workspace.language}
            rows={2}
            value={fields.seoDescription}
            readOnly={!canEdit}
            onChange={(event) => (setFields({ ...fields, seoDescription: event.target.value }), setDirty(true))}
          />
        </div>
      </div>

      <ol className="list-none p-0">
        {workspace.rows.map((row, index) => (
          <RowView
            key={row.sourceBlockId}
            row={row}
            index={index}
            content={contents[row.sourceBlockId] ?? []}
            edited={edited.has(row.sourceBlockId)}
            canEdit={canEdit}
            sourceLanguage={workspace.sourceLanguage}
            language={workspace.language}
            highlights={highlights.get(row.sourceBlockId) ?? []}
            onEdit={(content) => edit(row.sourceBlockId, content)}
            onStillCorrect={() => save([row.sourceBlockId])}
            fieldRef={(handle) => {
              fieldsByRow.current[index] = handle;
            }}
          />
        ))}
      </ol>

      {workspace.orphans.length ? (
        <section aria-labelledby="orphans-heading">
          <h2 id="orphans-heading">{t("orphans")}</h2>
          <ul>
            {workspace.orphans.map((orphan) => (
              <li key={orphan.blockId} lang={workspace.language} data-testid="orphan">
                <span className={keepOrphans.has(orphan.blockId) ? "" : "line-through"}>{orphan.text}</span>{" "}
                {canEdit ? (
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      setKeepOrphans((current) => {
                        const next = new Set(current);
                        if (next.has(orphan.blockId)) next.delete(orphan.blockId);
                        else next.add(orphan.blockId);
                        return next;
                      });
                      setDirty(true);
                    }}
                  >
                    {keepOrphans.has(orphan.blockId) ? t("removeOrphan") : t("keepOrphan")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="comments-heading" className="my-6" data-testid="translation-comments">
        <h2 id="comments-heading">{tComments("generalTitle")}</h2>
        <CommentThreads
          threads={comments}
          located={located}
          canComment={canComment}
          active={activeThread}
          hint={canComment ? tComments("selectFirst", { shortcut: "Ctrl+Alt+M" }) : undefined}
          sideOf={(thread) => (thread.versionId === sourceId ? tComments("onSource") : tComments("onTarget"))}
          onShow={(id) => {
            setActiveThread(id);
            document.querySelector(`[data-comment-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "center" });
          }}
        />
      </section>

      {canComment && selection && !composer ? (
        <Button
          type="button"
          size="sm"
          variant="secondary"
          className="shadow-md"
          style={{ position: "fixed", left: selection.rect.left, top: Math.max(8, selection.rect.top - 40), zIndex: 40 }}
          title={tComments("onSelectionHint", { shortcut: "Ctrl+Alt+M" })}
          onMouseDown={(event) => event.preventDefault()}
          onClick={startComment}
        >
          {tComments("onSelection")}
        </Button>
      ) : null}
      {composer ? (
        <CommentComposer
          label={tComments("body")}
          quote={composer.anchor.quote}
          position={composer.position}
          onCancel={() => setComposer(null)}
          onSend={async (body) => {
            const outcome = await commentActions.send({ kind: "comment", versionId: sourceId, body, anchor: composer.anchor });
            if (outcome.ok) setComposer(null);
            return outcome;
          }}
        />
      ) : null}

      {canEdit ? (
        <div className="sticky bottom-0 flex items-center gap-3 border-t border-neutral-300 bg-white py-2">
          <button type="button" className="button" disabled={pending} onClick={() => save()}>
            {pending ? t("saving") : t("save")}
          </button>
          <span
            aria-live="polite"
            className={result.ok || !result.message ? "form-message ok" : "form-message error"}
            data-testid="save-status"
          >
            {message}
          </span>
        </div>
      ) : null}
    </div>
  );
}

type RowProps = {
  row: Row;
  index: number;
  content: Inline;
  edited: boolean;
  canEdit: boolean;
  highlights: TextHighlight[];
  sourceLanguage: string;
  language: string;
  onEdit: (content: Inline) => void;
  onStillCorrect: () => void;
  fieldRef: (handle: ParagraphEditorHandle | null) => void;
};

function RowView({
  row,
  index,
  content,
  edited,
  canEdit,
  highlights,
  sourceLanguage,
  language,
  onEdit,
  onStillCorrect,
  fieldRef,
}: RowProps) {
  const t = useTranslations("translations.editor");
  const id = `block-${row.sourceBlockId}`;
  const text = useMemo(() => inlineText(content), [content]);
  const field = useRef<ParagraphEditorHandle | null>(null);
  const folded = useMemo(() => foldForMatching(text), [text]);
  const state = edited && row.state !== "current" && text.trim() !== "" ? null : row.state;
  return (
    <li
      className="grid grid-cols-1 gap-4 border-b border-neutral-300 py-3 md:grid-cols-2"
      data-testid="translation-row"
      data-state={row.state}
      data-source-block-id={row.sourceBlockId}
    >
      <div lang={sourceLanguage} className="translation-source">
        <p className="text-sm text-neutral-600">{t("paragraph", { number: index + 1 })}</p>
        <p data-testid="source-text">
          <CommentableText blockId={row.sourceBlockId} content={row.sourceInline} highlights={highlights} />
        </p>
        {row.state === "stale" && row.diff ? (
          <div className="mt-2 text-sm" data-testid="source-diff">
            <p className="font-semibold">{t("sourceChanged")}</p>
            <p>
              {row.diff.map((part, partIndex) =>
                part.change === "added" ? (
                  <ins key={partIndex} className="bg-green-100">
                    {part.value}
                  </ins>
                ) : part.change === "removed" ? (
                  <del key={partIndex} className="bg-red-100">
                    {part.value}
                  </del>
                ) : (
                  <span key={partIndex}>{part.value}</span>
                ),
              )}
            </p>
          </div>
        ) : null}
      </div>
      <div className="translation-target">
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span id={`${id}-label`}>{t("paragraph", { number: index + 1 })}</span>
          {state ? (
            <span className={`badge state-${state}`} data-testid="block-state">
              {t(`blockStates.${state}`)}
            </span>
          ) : null}
        </p>
        <ParagraphEditor
          id={id}
          content={content}
          lang={language}
          readOnly={!canEdit}
          labelledBy={`${id}-label`}
          describedBy="keyboard-hint"
          onChange={onEdit}
          handleRef={(handle) => {
            field.current = handle;
            fieldRef(handle);
          }}
        />
        {row.state === "stale" && canEdit && !edited ? (
          <button type="button" className="button small" onClick={onStillCorrect}>
            {t("stillCorrect")}
          </button>
        ) : null}
        {row.glossary.length ? (
          <div className="mt-1 text-sm" data-testid="glossary-hints">
            <p className="font-semibold">{t("glossaryHeading")}</p>
            <ul>
              {row.glossary.map((hit) => {
                const used = containsTerm(folded, hit.target);
                return (
                  <li key={hit.id}>
                    <span lang={sourceLanguage}>{hit.source}</span> → <strong lang={language}>{hit.target}</strong>
                    {hit.note ? <span className="text-neutral-600"> ({hit.note})</span> : null}
                    {!used && text.trim() ? (
                      <span className="field-error block" role="note" data-testid="glossary-warning">
                        {t("glossaryMissing", { term: hit.target })}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {row.memory.length ? (
          <div className="mt-1 text-sm" data-testid="memory-suggestions">
            <p className="font-semibold">{t("memoryHeading")}</p>
            <ul>
              {row.memory.flatMap((hint) =>
                hint.suggestions.map((suggestion, suggestionIndex) => (
                  <li key={`${hint.sentence}-${suggestionIndex}`} data-testid="memory-suggestion">
                    <span className="badge">{t("match", { percent: suggestion.percent })}</span>{" "}
                    <span lang={language}>{suggestion.targetText}</span>{" "}
                    {canEdit ? (
                      <button type="button" className="button small" onClick={() => field.current?.appendText(suggestion.targetText)}>
                        {t("insert")}
                      </button>
                    ) : null}
                  </li>
                )),
              )}
            </ul>
          </div>
        ) : null}
      </div>
    </li>
  );
}
