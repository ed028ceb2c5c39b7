"use client";
// One paragraph of rich text on the article editor's marks (bold, italic, links) with line breaks:
// the translation editor's field per source block. It reports its content as inline JSON; the
// server rebuilds and validates the body from it, never from HTML.
import { useImperativeHandle, useState, type Ref } from "react";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { paragraphEditorExtensions } from "@/lib/rich-text/extensions";
import type { Inline } from "@/lib/translations/inline";
import { LinkForm } from "./editor-toolbar";

export type ParagraphEditorHandle = {
  focus: () => void;
  hasFocus: () => boolean;
  /** Appends plain text (a memory suggestion), after a space when the field is not empty. */
  appendText: (text: string) => void;
};

type Props = {
  id: string;
  content: Inline;
  lang: string;
  readOnly: boolean;
  labelledBy: string;
  describedBy?: string;
  onChange: (content: Inline) => void;
  handleRef?: Ref<ParagraphEditorHandle>;
};

export function ParagraphEditor({ id, content, lang, readOnly, labelledBy, describedBy, onChange, handleRef }: Props) {
  const t = useTranslations("editor");
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor({
    extensions: paragraphEditorExtensions,
    content: { type: "doc", content: [{ type: "paragraph", ...(content.length ? { content } : {}) }] },
    editable: !readOnly,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id,
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(readOnly ? { "aria-readonly": "true" } : {}),
        lang,
        class: "min-h-16 w-full rounded border border-neutral-500 bg-white p-2 outline-none focus:ring-2 focus:ring-neutral-800",
      },
    },
    onUpdate: ({ editor: current }) => onChange((current.getJSON().content?.[0]?.content ?? []) as Inline),
  });
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current?.isActive("bold") ?? false,
      italic: current?.isActive("italic") ?? false,
      link: current?.isActive("link") ?? false,
      href: String(current?.getAttributes("link").href ?? ""),
    }),
  });

  useImperativeHandle(
    handleRef,
    () => ({
      focus: () => editor?.commands.focus("end"),
      hasFocus: () => editor?.view.hasFocus() ?? false,
      appendText: (text: string) => {
        if (!editor) return;
        const prefix = editor.state.doc.textContent.trim() ? " " : "";
        // A text node, not a string: Tiptap would read a string as HTML.
        editor
          .chain()
          .focus("end")
          .insertContent({ type: "text", text: prefix + text })
          .run();
      },
    }),
    [editor],
  );

  const button = (label: string, pressed: boolean, onClick: () => void, face: React.ReactNode) => (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      aria-controls={id}
      // A click keeps the caret in the text: Tiptap gives focus back a frame later, and what was
      // typed in that frame went to the button.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={`min-w-8 rounded border px-2 py-0.5 text-sm ${pressed ? "border-neutral-800 bg-neutral-800 text-white" : "border-neutral-400 bg-white"}`}
    >
      {face}
    </button>
  );

  return (
    <div>
      {!readOnly && editor ? (
        <div role="toolbar" aria-label={t("toolbar.label")} aria-controls={id} className="mb-1 flex gap-1">
          {button(t("toolbar.bold"), state?.bold ?? false, () => editor.chain().focus().toggleBold().run(), <strong>B</strong>)}
          {button(t("toolbar.italic"), state?.italic ?? false, () => editor.chain().focus().toggleItalic().run(), <em>I</em>)}
          {button(t("toolbar.link"), state?.link ?? false, () => setLinkOpen((open) => !open), t("toolbar.linkShort"))}
        </div>
      ) : null}
      {linkOpen && editor && !readOnly ? (
        <LinkForm editor={editor} initialHref={state?.href ?? ""} onClose={() => setLinkOpen(false)} inputId={`${id}-link`} />
      ) : null}
      <EditorContent editor={editor} />
    </div>
  );
}
