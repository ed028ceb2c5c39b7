"use client";
// The article editor: details and Tiptap body of one language version, autosaved as a draft, with
// a visible save state, a warning before leaving unsaved changes, who else has it open, and the
// merge with what someone saved in between (the conflict screen for parts both changed).
import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
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
import { ConflictScreen } from "./conflict-screen";
import { EditorToolbar } from "./editor-toolbar";
import { FigurePanel } from "./figure-panel";
import { MetadataFields } from "./metadata-fields";
import { SaveStatusLine } from "./save-status";
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
};

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
  "[&_.ProseMirror]:min-h-[24rem] [&_.ProseMirror]:p-4 [&_.ProseMirror]:font-serif [&_.ProseMirror]:text-lg",
  "[&_.ProseMirror_p]:my-3 [&_.ProseMirror_h2]:mt-6 [&_.ProseMirror_h2]:text-xl [&_.ProseMirror_h2]:font-bold [&_.ProseMirror_h3]:mt-4 [&_.ProseMirror_h3]:text-lg [&_.ProseMirror_h3]:font-semibold",
  "[&_.ProseMirror_ul]:list-disc [&_.ProseMirror_ul]:pl-6 [&_.ProseMirror_ol]:list-decimal [&_.ProseMirror_ol]:pl-6",
  "[&_.ProseMirror_blockquote]:border-l-4 [&_.ProseMirror_blockquote]:border-neutral-400 [&_.ProseMirror_blockquote]:pl-4 [&_.ProseMirror_blockquote]:italic",
  "[&_.ProseMirror_figure]:my-3 [&_.ProseMirror_figure]:cursor-pointer [&_.ProseMirror_figure]:rounded [&_.ProseMirror_figure]:border [&_.ProseMirror_figure]:border-dashed [&_.ProseMirror_figure]:border-neutral-500 [&_.ProseMirror_figure]:bg-neutral-50 [&_.ProseMirror_figure]:p-2 [&_.ProseMirror_figure]:text-sm",
  "[&_.ProseMirror_.credit]:ml-2 [&_.ProseMirror_.credit]:text-neutral-600 [&_.ProseMirror_.ProseMirror-selectednode]:outline [&_.ProseMirror_.ProseMirror-selectednode]:outline-2 [&_.ProseMirror_.ProseMirror-selectednode]:outline-blue-700",
].join(" ");

export function ArticleEditor(props: ArticleEditorProps) {
  const t = useTranslations("editor");
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

  const editor = useEditor({
    extensions: richTextExtensions,
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
  });
  editorRef.current = editor;

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

  return (
    // Keyboard shortcuts for the whole editor, bubbling up from its native controls.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
          event.preventDefault();
          void saver.save("save");
        }
      }}
    >
      <p aria-live="polite" data-testid="presence" className="min-h-6 text-sm">
        {others.length > 0 ? (
          <span className="badge border-amber-600 bg-amber-50">
            {t("presence.alsoOpen", { names: others.map((person) => person.name).join(", ") })}
          </span>
        ) : null}
      </p>
      {saver.conflict ? (
        <ConflictScreen
          key={saver.conflict.current.version}
          conflict={saver.conflict}
          onSave={saver.saveMerge}
          onDiscardMine={saver.discardMine}
        />
      ) : null}

      {/* Sticky, 3.5rem tall: the formatting toolbar sticks just below it (top-14). */}
      <div className="sticky top-0 z-20 mb-4 flex min-h-14 flex-wrap items-center justify-between gap-3 border-b border-neutral-300 bg-white">
        <SaveStatusLine status={saver.status} onRetry={() => void saver.save(published ? "save" : "autosave")} />
        <button
          type="button"
          className="button"
          disabled={inConflict || saver.status.kind === "saving"}
          onClick={() => void saver.save("save")}
        >
          {published ? t("save.publishedButton") : t("save.button")}
        </button>
      </div>
      {published ? <p className="mb-4 rounded border border-amber-600 bg-amber-50 p-2 text-sm">{t("save.autosaveOff")}</p> : null}

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

      <div className="mt-6">
        <p id="article-body-label" className="mb-1 font-semibold">
          {t("fields.body")}
        </p>
        <div className={`rounded border border-[#767676] ${BODY_STYLES}`} lang={props.language}>
          {editor ? (
            <>
              <EditorToolbar editor={editor} disabled={inConflict} />
              <FigurePanel editor={editor} language={props.language} disabled={inConflict} />
            </>
          ) : null}
          <EditorContent editor={editor} />
        </div>
        <div id="article-body-error" aria-live="polite" className="field-error">
          {saver.errors.body?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </div>
    </div>
  );
}
