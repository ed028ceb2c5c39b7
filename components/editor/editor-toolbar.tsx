"use client";
// The formatting toolbar: every button has an accessible name and reports whether its format is on
// (aria-pressed); the link button opens a small form whose address must be http(s) or mailto.
import { useState, type KeyboardEvent, type ReactNode } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { Bold, Heading2, Heading3, ImagePlus, Italic, Link2, List, ListOrdered, Quote, Redo2, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { isSafeLinkHref } from "@/lib/rich-text/links";

type ToolbarState = {
  bold: boolean;
  italic: boolean;
  link: boolean;
  heading2: boolean;
  heading3: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  canUndo: boolean;
  canRedo: boolean;
  href: string;
};

function ToolButton({
  label,
  pressed,
  disabled,
  onClick,
  children,
}: {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={`inline-flex size-9 items-center justify-center rounded-md border text-sm [&_svg]:size-4 ${pressed ? "border-foreground bg-foreground text-background" : "border-transparent bg-transparent text-foreground hover:bg-hover"} disabled:opacity-40`}
    >
      {children}
    </button>
  );
}

/** Arrow keys, Home and End move between the toolbar's buttons (the ARIA toolbar pattern). */
function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const target =
    event.key === "ArrowRight"
      ? buttons[(index + 1) % buttons.length]
      : event.key === "ArrowLeft"
        ? buttons[(index - 1 + buttons.length) % buttons.length]
        : event.key === "Home"
          ? buttons[0]
          : event.key === "End"
            ? buttons.at(-1)
            : undefined;
  if (!target || index < 0) return;
  event.preventDefault();
  target.focus();
}

export function EditorToolbar({ editor, disabled }: { editor: Editor; disabled?: boolean }) {
  const t = useTranslations("editor");
  const [linkOpen, setLinkOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }): ToolbarState => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      link: current.isActive("link"),
      heading2: current.isActive("heading", { level: 2 }),
      heading3: current.isActive("heading", { level: 3 }),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      blockquote: current.isActive("blockquote"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
      href: String(current.getAttributes("link").href ?? ""),
    }),
  });
  const chain = () => editor.chain().focus();
  const insertFigure = () => {
    chain()
      .insertContent({ type: "figure", attrs: { caption: t("figure.newCaption"), credit: null } })
      .command(({ tr }) => {
        // Select the caption just inserted so its form opens at once.
        let inserted = -1;
        tr.doc.nodesBetween(0, tr.selection.from, (node, pos) => {
          if (node.type.name === "figure") inserted = pos;
        });
        if (inserted >= 0) tr.setSelection(NodeSelection.create(tr.doc, inserted));
        return true;
      })
      .run();
  };
  return (
    <div className="sticky top-14 z-10 rounded-md border border-line bg-surface p-1.5">
      <div
        role="toolbar"
        aria-label={t("toolbar.label")}
        aria-controls="article-body"
        className="flex flex-wrap gap-1"
        onKeyDown={moveFocus}
      >
        <ToolButton
          label={t("toolbar.heading2")}
          pressed={state.heading2}
          disabled={disabled}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          <Heading2 aria-hidden />
        </ToolButton>
        <ToolButton
          label={t("toolbar.heading3")}
          pressed={state.heading3}
          disabled={disabled}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          <Heading3 aria-hidden />
        </ToolButton>
        <ToolButton label={t("toolbar.bold")} pressed={state.bold} disabled={disabled} onClick={() => chain().toggleBold().run()}>
          <Bold aria-hidden />
        </ToolButton>
        <ToolButton label={t("toolbar.italic")} pressed={state.italic} disabled={disabled} onClick={() => chain().toggleItalic().run()}>
          <Italic aria-hidden />
        </ToolButton>
        <ToolButton label={t("toolbar.link")} pressed={state.link} disabled={disabled} onClick={() => setLinkOpen((open) => !open)}>
          <Link2 aria-hidden />
        </ToolButton>
        <ToolButton
          label={t("toolbar.bulletList")}
          pressed={state.bulletList}
          disabled={disabled}
          onClick={() => chain().toggleBulletList().run()}
        >
          <List aria-hidden />
        </ToolButton>
        <ToolButton
          label={t("toolbar.orderedList")}
          pressed={state.orderedList}
          disabled={disabled}
          onClick={() => chain().toggleOrderedList().run()}
        >
          <ListOrdered aria-hidden />
        </ToolButton>
        <ToolButton
          label={t("toolbar.blockquote")}
          pressed={state.blockquote}
          disabled={disabled}
          onClick={() => chain().toggleBlockquote().run()}
        >
          <Quote aria-hidden />
        </ToolButton>
        <ToolButton label={t("toolbar.figure")} disabled={disabled} onClick={insertFigure}>
          <ImagePlus aria-hidden />
        </ToolButton>
        <ToolButton label={t("toolbar.undo")} disabled={disabled || !state.canUndo} onClick={() => chain().undo().run()}>
          <Undo2 aria-hidden />
        </ToolButton>
        <ToolButton label={t("toolbar.redo")} disabled={disabled || !state.canRedo} onClick={() => chain().redo().run()}>
          <Redo2 aria-hidden />
        </ToolButton>
      </div>
      {linkOpen && !disabled ? <LinkForm editor={editor} initialHref={state.href} onClose={() => setLinkOpen(false)} /> : null}
    </div>
  );
}

/** The link form of this toolbar and of the translation editor's paragraph fields (one address rule). */
export function LinkForm({
  editor,
  initialHref,
  onClose,
  inputId = "link-href",
}: {
  editor: Editor;
  initialHref: string;
  onClose: () => void;
  inputId?: string;
}) {
  const t = useTranslations("editor");
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const url = href.trim();
    if (!isSafeLinkHref(url)) {
      setError(t("link.invalid"));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).run();
    } else {
      chain.setLink({ href: url }).run();
    }
    onClose();
  };
  return (
    <div className="mt-2 flex flex-wrap items-end gap-2">
      <div className="field">
        <label htmlFor={inputId}>{t("link.url")}</label>
        <input
          id={inputId}
          type="url"
          value={href}
          // The link dialog opens on the person's request: the address field is what they came for.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus
          placeholder="https://"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${inputId}-error`}
          onChange={(event) => setHref(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              apply();
            }
            if (event.key === "Escape") onClose();
          }}
        />
        <div id={`${inputId}-error`} aria-live="polite" className="field-error">
          {error ? <p>{error}</p> : null}
        </div>
      </div>
      <button type="button" className="button small" onClick={apply}>
        {t("link.apply")}
      </button>
      {editor.isActive("link") ? (
        <button
          type="button"
          className="button small"
          onClick={() => {
            editor.chain().focus().extendMarkRange("link").unsetLink().run();
            onClose();
          }}
        >
          {t("link.remove")}
        </button>
      ) : null}
      <button type="button" className="button link" onClick={onClose}>
        {t("link.cancel")}
      </button>
    </div>
  );
}
