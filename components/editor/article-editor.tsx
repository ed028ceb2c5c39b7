"use client";
// The article editor: title and Tiptap body of one language version as the page, its details in the
// document panel, autosaved as a draft, with a visible save state, a warning before leaving unsaved
// changes, who else has it open, and the merge with what someone saved in between (the conflict
// screen for parts both changed). Ctrl/Cmd+S saves; Ctrl/Cmd+Enter runs the primary action;
// Ctrl/Cmd+Alt+M comments on the selected passage (also from the bubble beside the selection).
import { startTransition, useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { TextSelection } from "@tiptap/pm/state";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { BubbleMenu } from "@tiptap/react/menus";
import { MessageSquarePlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { slugify } from "@/lib/articles/slug";
import {
  MAX_BODY_JSON_LENGTH,
  METADATA_FIELDS,
  type MetadataField,
  type VersionMetadata,
  type VersionSnapshot,
} from "@/lib/editing/fields";
import type { MergeSide } from "@/lib/editing/three-way-merge";
import { richTextExtensions } from "@/lib/rich-text/extensions";
import type { CommentAnchor, LocatedPassage } from "@/lib/comments/anchor";
import type { CommentThreadView } from "@/lib/workflow/queries";
import { CommentComposer } from "@/components/comments/comment-composer";
import { CommentHighlights, commentHighlightsKey, rangeOf, selectionAnchor } from "@/components/comments/comment-highlights";
import { CommentThreads } from "@/components/comments/comment-threads";
import { useCommentActions } from "@/components/comments/use-comment-actions";
import { Button } from "@/components/ui/button";
import { ConflictScreen } from "./conflict-screen";
import { DocumentActions, type MenuAction } from "./document-actions";
import { DocumentWorkspace, usePanelView, type DocumentPanels } from "./document-workspace";
import { EditorToolbar } from "./editor-toolbar";
import { FigurePanel } from "./figure-panel";
import { MetadataFields } from "./metadata-fields";
import { SaveStatusLine } from "./save-status";
import { TitleField } from "./title-field";
import { useLeaveWarning } from "./use-leave-warning";
import { usePresence } from "./use-presence";
import { useVersionSave, type Draft } from "./use-version-save";

export type ArticleEditorProps = {
  versionId: string;
  version: number;
  status: string;
  language: string;
  snapshot: VersionSnapshot;
  /** The slug was made from the title and the version was never published: it may follow the title. */
  slugFollowsTitle: boolean;
  othersPresent: { id: string; name: string }[];
  /** The workflow state's badge, shown in the status bar. */
  state: ReactNode;
  /** The one workflow step for this state and role (a form), or null: then saving is the main action. */
  primaryAction: ReactNode;
  menu: MenuAction[];
  panels: DocumentPanels;
  /** The version's comment threads, highlighted in the body and listed in the Comments tab. */
  comments: CommentThreadView[];
  canComment: boolean;
};

const SHORTCUT = "Ctrl+Alt+M";

const OPTIONAL: readonly MetadataField[] = ["standfirst", "datelinePlace", "storyDate", "sourceAgency", "seoDescription"];

function metadataOf(snapshot: VersionSnapshot): VersionMetadata {
  return Object.fromEntries(METADATA_FIELDS.map((field) => [field, snapshot[field]])) as VersionMetadata;
}

function plainText(editor: Editor): string {
  return editor.getText({
    blockSeparator: "\n\n",
    textSerializers: { figure: ({ node }) => [node.attrs.caption, node.attrs.credit].filter(Boolean).join(" ") },
  });
}

const BODY_STYLES = [
  "[&_.ProseMirror]:relative [&_.ProseMirror]:pr-10 [&_.ProseMirror]:min-h-[60vh] [&_.ProseMirror]:pl-2 [&_.ProseMirror]:py-4 [&_.ProseMirror]:font-serif [&_.ProseMirror]:text-lg [&_.ProseMirror]:leading-relaxed",
  "[&_.ProseMirror_p]:my-3 [&_.ProseMirror_h2]:mt-6 [&_.ProseMirror_h2]:text-xl [&_.ProseMirror_h2]:font-bold [&_.ProseMirror_h3]:mt-4 [&_.ProseMirror_h3]:text-lg [&_.ProseMirror_h3]:font-semibold",
  "[&_.ProseMirror_ul]:list-disc [&_.ProseMirror_ul]:pl-6 [&_.ProseMirror_ol]:list-decimal [&_.ProseMirror_ol]:pl-6",
  "[&_.ProseMirror_blockquote]:border-l-4 [&_.ProseMirror_blockquote]:border-line [&_.ProseMirror_blockquote]:pl-4 [&_.ProseMirror_blockquote]:italic",
  "[&_.ProseMirror_figure]:my-3 [&_.ProseMirror_figure]:cursor-pointer [&_.ProseMirror_figure]:rounded [&_.ProseMirror_figure]:border [&_.ProseMirror_figure]:border-dashed [&_.ProseMirror_figure]:border-input-border [&_.ProseMirror_figure]:bg-surface [&_.ProseMirror_figure]:p-2 [&_.ProseMirror_figure]:text-sm",
  "[&_.ProseMirror_.credit]:ml-2 [&_.ProseMirror_.credit]:text-muted-foreground [&_.ProseMirror_.ProseMirror-selectednode]:outline [&_.ProseMirror_.ProseMirror-selectednode]:outline-2 [&_.ProseMirror_.ProseMirror-selectednode]:outline-primary",
].join(" ");

export function ArticleEditor(props: ArticleEditorProps) {
  const t = useTranslations("editor");
  const tComments = useTranslations("workflow.comments");
  const published = props.status === "PUBLISHED";
  const [metadata, setMetadata] = useState(() => metadataOf(props.snapshot));
  const metadataRef = useRef(metadata);
  const setMetadataNow = useCallback((next: VersionMetadata) => {
    metadataRef.current = next;
    setMetadata(next);
  }, []);
  const [slugFollows, setSlugFollows] = useState(props.slugFollowsTitle);
  const editorRef = useRef<Editor | null>(null);
  const markEditedRef = useRef<() => void>(() => {});
  const router = useRouter();
  // The workflow panel beside the editor sends the version it was rendered with: re-render it.
  const refreshPanels = useCallback(() => startTransition(() => router.refresh()), [router]);

  const readDraft = useCallback(
    (): Draft => ({
      metadata: metadataRef.current,
      body: editorRef.current?.getJSON() ?? props.snapshot.bodyJson,
      text: editorRef.current ? plainText(editorRef.current) : props.snapshot.bodyText,
    }),
    [props.snapshot],
  );

  const applyDraft = useCallback(
    (side: MergeSide) => {
      setMetadataNow(side.metadata);
      const editor = editorRef.current;
      if (!editor) return;
      // Their changes may land anywhere: the cursor stays where it was, as far as the text allows.
      const { from, to } = editor.state.selection;
      editor.commands.setContent(side.body, { emitUpdate: false });
      const end = editor.state.doc.content.size;
      editor.commands.setTextSelection({ from: Math.min(from, end), to: Math.min(to, end) });
    },
    [setMetadataNow],
  );

  const bodyTooLarge = useCallback((overBy: number) => t("errors.bodyTooLargeBy", { over: overBy, limit: MAX_BODY_JSON_LENGTH }), [t]);

  const saver = useVersionSave({
    versionId: props.versionId,
    initial: { version: props.version, snapshot: props.snapshot },
    // A published article's corrections go live on purpose, not halfway through a sentence.
    autosave: !published,
    readDraft,
    applyDraft,
    networkError: t("errors.network"),
    bodyTooLarge,
    onSaved: refreshPanels,
  });
  markEditedRef.current = saver.markEdited;

  // Comments: the threads' passages are found by the highlight plugin after each change; a marker
  // or a quote opens a thread in the Comments tab, whose quote selects the passage in the text.
  const panelView = usePanelView();
  const commentActions = useCommentActions();
  const [activeThread, setActiveThread] = useState<string | null>(null);
  const [located, setLocated] = useState<ReadonlyMap<string, LocatedPassage>>(new Map());
  const [composer, setComposer] = useState<{ anchor: CommentAnchor; position: { left: number; top: number } } | null>(null);
  const openThreadRef = useRef<(id: string) => void>(() => {});
  const openThread = (id: string) => {
    setActiveThread(id);
    panelView.setTab("comments");
    panelView.setDrawerOpen(true);
    // After the tab (or the phone's drawer) has rendered the thread.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const element = document.getElementById(`comment-thread-${id}`);
        element?.scrollIntoView({ block: "nearest" });
        element?.focus();
      }),
    );
  };
  openThreadRef.current = openThread;
  const [highlights] = useState(() =>
    CommentHighlights.configure({
      onOpen: (id) => openThreadRef.current(id),
      onLocated: (found) => setLocated(found),
      markerLabel: (count) => tComments("marker", { count }),
    }),
  );

  const editor = useEditor({
    extensions: [...richTextExtensions, highlights],
    content: props.snapshot.bodyJson,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: "article-body",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": "article-body-label",
        "aria-describedby": "article-body-error",
        lang: props.language,
        class: "outline-none",
      },
    },
    onUpdate: () => markEditedRef.current(),
    onCreate: ({ editor: created }) => {
      // An article that opens on a photo caption would start with that caption selected and its form
      // open above the text: start in the first text instead (a selection, not a change).
      const first = TextSelection.findFrom(created.state.doc.resolve(0), 1, true);
      if (first) created.view.dispatch(created.state.tr.setSelection(first).setMeta("addToHistory", false));
    },
  });
  editorRef.current = editor;

  useEffect(() => {
    if (!editor) return;
    // Resolved threads are hidden in the text, as in the tab until "Show resolved".
    const threads = props.comments.filter((thread) => !thread.resolved);
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads, active: activeThread }).setMeta("addToHistory", false));
  }, [editor, props.comments, activeThread]);

  const startComment = () => {
    if (!editor || !props.canComment) return;
    const anchor = selectionAnchor(editor.state);
    if (!anchor) return;
    const end = editor.view.coordsAtPos(editor.state.selection.to);
    setComposer({ anchor, position: { left: end.left - 160, top: end.bottom + 8 } });
  };

  const showPassage = (id: string) => {
    setActiveThread(id);
    const passage = located.get(id);
    const range = editor && passage ? rangeOf(editor.state.doc, passage) : null;
    if (editor && range) editor.chain().focus().setTextSelection(range).scrollIntoView().run();
  };

  const inConflict = saver.conflict !== null;
  useEffect(() => {
    // No update event: Tiptap emits one by default, which marked every opened article unsaved
    // and autosaved it although nobody changed anything.
    editor?.setEditable(!inConflict, false);
  }, [editor, inConflict]);

  useLeaveWarning(saver.unsaved, t("leaveWarning"));
  const others = usePresence(props.versionId, props.othersPresent);

  const changeField = (field: MetadataField, value: string) => {
    const next: VersionMetadata = { ...metadataRef.current, [field]: OPTIONAL.includes(field) && value === "" ? null : value };
    if (field === "title" && slugFollows) next.slug = slugify(value);
    if (field === "slug") setSlugFollows(false);
    setMetadataNow(next);
    saver.markEdited();
  };

  const runPrimary = () => {
    // The primary workflow step is a server-rendered form in the status bar; without one, saving is.
    const form = document.querySelector<HTMLFormElement>("[data-primary-action] form");
    const button = form?.querySelector<HTMLButtonElement>("button[type=submit]");
    if (form && button && !button.disabled) form.requestSubmit(button);
    else if (!form) void saver.save("save");
  };

  const onShortcut = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.altKey && event.code === "KeyM") {
      // By its key, not its character: Alt changes the character on some layouts.
      event.preventDefault();
      startComment();
    } else if (event.key.toLowerCase() === "s") {
      event.preventDefault();
      void saver.save("save");
    } else if (event.key === "Enter" && !inConflict) {
      // Captured before the body sees it: there Ctrl+Enter would insert a line break.
      event.preventDefault();
      event.stopPropagation();
      runPrimary();
    }
  };

  const saveButton = (
    <Button
      variant={props.primaryAction ? "secondary" : "primary"}
      size="sm"
      disabled={inConflict || saver.status.kind === "saving"}
      onClick={() => void saver.save("save")}
    >
      {published ? t("save.publishedButton") : t("save.button")}
    </Button>
  );

  const status = (
    <>
      {props.state}
      <SaveStatusLine status={saver.status} onRetry={() => void saver.save(published ? "save" : "autosave")} />
      <p aria-live="polite" data-testid="presence" className="m-0 text-sm empty:hidden">
        {others.length > 0 ? (
          <span className="inline-flex items-center rounded-full bg-(--badge-warning-bg) px-2 py-0.5 text-xs font-semibold text-(--badge-warning-fg)">
            {t("presence.alsoOpen", { names: others.map((person) => person.name).join(", ") })}
          </span>
        ) : null}
      </p>
    </>
  );

  return (
    // Keyboard shortcuts for the whole editor, caught on their way down to its native controls.
    <div onKeyDownCapture={onShortcut}>
      <DocumentWorkspace
        status={status}
        actions={
          <>
            {saveButton}
            <DocumentActions primary={props.primaryAction} menu={props.menu} />
          </>
        }
        panels={{
          ...props.panels,
          comments: (
            <CommentThreads
              threads={props.comments}
              located={new Set(located.keys())}
              canComment={props.canComment}
              active={activeThread}
              onShow={showPassage}
              hint={props.canComment ? tComments("selectFirst", { shortcut: SHORTCUT }) : undefined}
            />
          ),
        }}
        view={panelView}
        details={
          <fieldset disabled={inConflict} className="stack">
            <legend className="sr-only">{t("fields.details")}</legend>
            <MetadataFields
              values={metadata}
              errors={saver.errors}
              slugSuggestion={saver.slugSuggestion}
              onChange={changeField}
              onGenerateSlug={() => changeField("slug", slugify(metadataRef.current.title))}
            />
          </fieldset>
        }
      >
        {saver.conflict ? (
          <ConflictScreen
            key={saver.conflict.current.version}
            conflict={saver.conflict}
            onSave={saver.saveMerge}
            onDiscardMine={saver.discardMine}
          />
        ) : null}
        {published ? (
          <p className="mb-4 rounded-md bg-(--badge-warning-bg) p-2 text-sm text-(--badge-warning-fg)">{t("save.autosaveOff")}</p>
        ) : null}

        <div className="mx-auto max-w-3xl">
          <TitleField
            label={t("fields.title")}
            placeholder={t("document.titlePlaceholder")}
            value={metadata.title}
            errors={saver.errors.title}
            lang={props.language}
            disabled={inConflict}
            onChange={(value) => changeField("title", value)}
            onEnter={() => editor?.commands.focus("start")}
          />
          <p id="article-body-label" className="sr-only">
            {t("fields.body")}
          </p>
          <div className={BODY_STYLES} lang={props.language}>
            {editor ? (
              <>
                <EditorToolbar editor={editor} disabled={inConflict} />
                <FigurePanel editor={editor} language={props.language} disabled={inConflict} />
              </>
            ) : null}
            <EditorContent editor={editor} />
            {editor && props.canComment ? (
              <BubbleMenu
                editor={editor}
                shouldShow={({ state }) => !inConflict && selectionAnchor(state) !== null}
                options={{ placement: "top" }}
              >
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  className="shadow-md"
                  title={tComments("onSelectionHint", { shortcut: SHORTCUT })}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={startComment}
                >
                  <MessageSquarePlus aria-hidden />
                  {tComments("onSelection")}
                </Button>
              </BubbleMenu>
            ) : null}
            {composer ? (
              <CommentComposer
                label={tComments("body")}
                quote={composer.anchor.quote}
                position={composer.position}
                onCancel={() => {
                  setComposer(null);
                  editor?.commands.focus();
                }}
                onSend={async (body) => {
                  const outcome = await commentActions.send({ kind: "comment", versionId: props.versionId, body, anchor: composer.anchor });
                  if (outcome.ok) setComposer(null);
                  return outcome;
                }}
              />
            ) : null}
          </div>
          <div id="article-body-error" aria-live="polite" className="field-error">
            {saver.errors.body?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
      </DocumentWorkspace>
    </div>
  );
}
