"use client";
// Shown when someone saved in between and some parts were changed on both sides: everything else
// is already merged; only those parts are shown, theirs beside mine, each with "keep mine", "keep
// theirs" and an editable combination. Nothing is saved until "save the merged version"; the
// person's text goes only through the explicit, confirmed "discard mine".
import { useEffect, useRef, useState } from "react";
import type { JSONContent } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useFormatter, useTranslations } from "next-intl";
import { diffText } from "@/lib/editing/diff";
import type { BlockConflict, FieldConflict, Resolutions } from "@/lib/editing/three-way-merge";
import { richTextExtensions } from "@/lib/rich-text/extensions";
import type { Conflict, Draft } from "./use-version-save";

export function draftAsText(draft: Draft): string {
  const { metadata } = draft;
  return [metadata.title, metadata.standfirst, draft.text].filter(Boolean).join("\n\n");
}

function blockText(block: JSONContent): string {
  if (block.type === "figure") return [block.attrs?.caption, block.attrs?.credit].filter(Boolean).join(" ");
  if (block.type === "text") return block.text ?? "";
  const separator = block.type === "bulletList" || block.type === "orderedList" || block.type === "listItem" ? "\n" : "";
  return (block.content ?? []).map(blockText).join(separator);
}

/** A combination holding one empty paragraph stands for the block deleted. */
function resolvedBlocks(content: JSONContent[] | undefined): JSONContent[] {
  const blocks = content ?? [];
  return blocks.length === 1 && blocks[0]!.type === "paragraph" && !blocks[0]!.content?.length ? [] : blocks;
}

export function CopyTextButton({ text }: { text: string }) {
  const t = useTranslations("editor");
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button small"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {t("conflict.copy")}
      </button>
      <span aria-live="polite" className="ml-2 text-sm">
        {copied ? t("conflict.copied") : null}
      </span>
    </>
  );
}

/** One side's text with what it changed since the base marked, so the two sides' differences stand out. */
function Side({ id, label, base, text }: { id: string; label: string; base: string | null; text: string | null }) {
  const t = useTranslations("editor");
  const parts = text && base !== null ? diffText(base, text, Number.MAX_SAFE_INTEGER).body : null;
  return (
    <section aria-labelledby={id} className="rounded border border-neutral-300 bg-white p-3">
      <h4 id={id} className="mt-0 text-sm font-bold">
        {label}
      </h4>
      <p className="m-0 whitespace-pre-wrap font-serif" data-testid={id.endsWith("theirs") ? "conflict-theirs" : "conflict-mine"}>
        {text === null ? (
          <em>{t("conflict.deleted")}</em>
        ) : !text ? (
          <em>{t("conflict.empty")}</em>
        ) : parts && parts.length > 0 ? (
          parts.map((part, index) =>
            part.kind === "added" ? (
              <ins key={index} className="bg-green-100 text-green-900">
                <span className="sr-only">{t("diff.added")} </span>
                {part.text}
              </ins>
            ) : part.kind === "removed" ? (
              <del key={index} className="bg-red-100 text-red-900">
                <span className="sr-only">{t("diff.removed")} </span>
                {part.text}
              </del>
            ) : (
              <span key={index}>{part.kind === "same" ? part.text : ""}</span>
            ),
          )
        ) : (
          text
        )}
      </p>
    </section>
  );
}

function ConflictPart({
  id,
  heading,
  theirsLabel,
  base,
  theirs,
  mine,
  onKeepMine,
  onKeepTheirs,
  children,
}: {
  id: string;
  heading: string;
  theirsLabel: string;
  base: string | null;
  theirs: string | null;
  mine: string | null;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  children: React.ReactNode;
}) {
  const t = useTranslations("editor");
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded border border-neutral-400 bg-neutral-50 p-3" data-testid="conflict-part">
      <h3 id={`${id}-heading`} className="mt-0 text-base font-bold">
        {heading}
      </h3>
      <div className="grid gap-3 md:grid-cols-2">
        <Side id={`${id}-theirs`} label={theirsLabel} base={base} text={theirs} />
        <Side id={`${id}-mine`} label={t("conflict.yours")} base={base} text={mine} />
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <button type="button" className="button small" onClick={onKeepMine}>
          {t("conflict.keepMine")}
        </button>
        <button type="button" className="button small" onClick={onKeepTheirs}>
          {t("conflict.keepTheirs")}
        </button>
      </div>
      <p id={`${id}-combined`} className="mb-1 mt-3 text-sm font-semibold">
        {t("conflict.combined")}
      </p>
      {children}
    </section>
  );
}

function BlockPart({
  conflict,
  heading,
  theirsLabel,
  onChange,
}: {
  conflict: BlockConflict;
  heading: string;
  theirsLabel: string;
  onChange: (blocks: JSONContent[]) => void;
}) {
  const id = `conflict-${conflict.key}`;
  const doc = (blocks: JSONContent[]): JSONContent => ({ type: "doc", content: blocks.length ? blocks : [{ type: "paragraph" }] });
  const editor = useEditor({
    extensions: richTextExtensions,
    content: doc(conflict.mine),
    immediatelyRender: false,
    editorProps: {
      attributes: { role: "textbox", "aria-multiline": "true", "aria-labelledby": `${id}-combined`, class: "outline-none min-h-16 p-2" },
    },
    onUpdate: ({ editor: combined }) => onChange(resolvedBlocks(combined.getJSON().content)),
  });
  const text = (blocks: JSONContent[]) => (blocks.length ? blocks.map(blockText).join("\n\n") : null);
  return (
    <ConflictPart
      id={id}
      heading={heading}
      theirsLabel={theirsLabel}
      base={text(conflict.base)}
      theirs={text(conflict.theirs)}
      mine={text(conflict.mine)}
      onKeepMine={() => editor?.commands.setContent(doc(conflict.mine))}
      onKeepTheirs={() => editor?.commands.setContent(doc(conflict.theirs))}
    >
      <div className="rounded border border-[#767676] bg-white font-serif" data-testid="conflict-combined">
        <EditorContent editor={editor} />
      </div>
    </ConflictPart>
  );
}

function FieldPart({
  conflict,
  heading,
  theirsLabel,
  value,
  onChange,
}: {
  conflict: FieldConflict;
  heading: string;
  theirsLabel: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = `conflict-field-${conflict.field}`;
  return (
    <ConflictPart
      id={id}
      heading={heading}
      theirsLabel={theirsLabel}
      base={conflict.base}
      theirs={conflict.theirs}
      mine={conflict.mine}
      onKeepMine={() => onChange(conflict.mine ?? "")}
      onKeepTheirs={() => onChange(conflict.theirs ?? "")}
    >
      <input
        aria-labelledby={`${id}-combined`}
        className="w-full"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid="conflict-combined"
      />
    </ConflictPart>
  );
}

export function ConflictScreen({
  conflict,
  onSave,
  onDiscardMine,
}: {
  conflict: Conflict;
  onSave: (resolutions: Resolutions) => void;
  onDiscardMine: () => void;
}) {
  const t = useTranslations("editor");
  const format = useFormatter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries(conflict.merge.conflicts.flatMap((part) => (part.kind === "field" ? [[part.field, part.mine ?? ""]] : []))),
  );
  // Each combination starts as the person's own text: saving without touching anything keeps it.
  const blocks = useRef<Record<string, JSONContent[]>>({});
  useEffect(() => heading.current?.focus(), []);
  const { current } = conflict;
  const name = current.updatedBy ?? t("conflict.someone");
  const theirsLabel = t("conflict.theirs", { name });
  // Paragraphs are counted as the person sees them: captions (figures) are not paragraphs.
  const position = new Map<string, number>();
  conflict.merge.slots
    .filter((slot) => ("block" in slot ? slot.block : (slot.conflict.mine[0] ?? slot.conflict.theirs[0]))?.type !== "figure")
    .forEach((slot, index) => {
      if ("conflict" in slot) position.set(slot.conflict.key, index + 1);
    });

  const save = () =>
    onSave({
      fields: Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, value.trim() === "" ? null : value])),
      blocks: { ...blocks.current },
    });

  return (
    <section aria-labelledby="conflict-title" className="mb-6 rounded border-2 border-[var(--error)] bg-red-50 p-4" data-testid="conflict">
      <h2 id="conflict-title" ref={heading} tabIndex={-1} className="mt-0">
        {t("conflict.title")}
      </h2>
      <p>
        {t("conflict.explain", {
          name,
          time: format.dateTime(new Date(current.updatedAt), { dateStyle: "medium", timeStyle: "medium" }),
          count: conflict.merge.conflicts.length,
        })}
      </p>
      <div className="stack">
        {conflict.merge.conflicts.map((part) =>
          part.kind === "field" ? (
            <FieldPart
              key={`field-${part.field}`}
              conflict={part}
              heading={t(`fieldNames.${part.field}`)}
              theirsLabel={theirsLabel}
              value={fields[part.field] ?? ""}
              onChange={(value) => setFields((previous) => ({ ...previous, [part.field]: value }))}
            />
          ) : (
            <BlockPart
              key={part.key}
              conflict={part}
              heading={part.key === "body" ? t("fields.body") : t("conflict.paragraph", { number: position.get(part.key) ?? 0 })}
              theirsLabel={theirsLabel}
              onChange={(value) => (blocks.current[part.key] = value)}
            />
          ),
        )}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="button" className="button" onClick={save}>
          {t("conflict.save")}
        </button>
        {confirming ? (
          <button type="button" className="button danger" onClick={onDiscardMine}>
            {t("conflict.discardConfirmButton")}
          </button>
        ) : (
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            {t("conflict.discard")}
          </button>
        )}
        <CopyTextButton text={draftAsText(conflict.mine)} />
      </div>
      <p aria-live="polite" className="text-sm font-semibold">
        {confirming ? t("conflict.discardConfirm") : null}
      </p>
    </section>
  );
}
