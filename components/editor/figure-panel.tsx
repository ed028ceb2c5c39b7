"use client";
// Caption, credit and library photo of the photo caption selected in the body (the figure node is
// an atom: its text and photo live in attributes, edited here rather than inline).
import { useEditorState, type Editor } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import { useTranslations } from "next-intl";
import { FigurePhotoPicker } from "./figure-photo-picker";

type SelectedFigure = { pos: number; caption: string; credit: string; assetId: string | null };

export function FigurePanel({ editor, language, disabled }: { editor: Editor; language: string; disabled?: boolean }) {
  const t = useTranslations("editor");
  const figure = useEditorState({
    editor,
    selector: ({ editor: current }): SelectedFigure | null => {
      const selection = current.state.selection;
      if (!(selection instanceof NodeSelection) || selection.node.type.name !== "figure") return null;
      const { caption, credit, assetId } = selection.node.attrs;
      return {
        pos: selection.from,
        caption: String(caption ?? ""),
        credit: String(credit ?? ""),
        assetId: typeof assetId === "string" && assetId ? assetId : null,
      };
    },
    equalityFn: (a, b) => a?.pos === b?.pos && a?.caption === b?.caption && a?.credit === b?.credit && a?.assetId === b?.assetId,
  });
  if (!figure) return null;

  const update = (attrs: { caption?: string; credit?: string | null; assetId?: string | null }) => {
    editor
      .chain()
      .command(({ tr }) => {
        const node = tr.doc.nodeAt(figure.pos);
        if (!node || node.type.name !== "figure") return false;
        tr.setNodeMarkup(figure.pos, undefined, { ...node.attrs, ...attrs });
        // Keep the caption selected so this form stays open while typing.
        tr.setSelection(NodeSelection.create(tr.doc, figure.pos));
        return true;
      })
      .run();
  };

  return (
    <fieldset className="my-2 rounded border border-neutral-400 bg-amber-50 p-3" disabled={disabled} data-testid="figure-panel">
      <legend className="px-1 font-semibold">{t("figure.legend")}</legend>
      <div className="flex flex-wrap items-end gap-3">
        <div className="field grow">
          <label htmlFor="figure-caption">{t("figure.caption")}</label>
          <input id="figure-caption" value={figure.caption} onChange={(event) => update({ caption: event.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="figure-credit">{t("figure.credit")}</label>
          <input
            id="figure-credit"
            value={figure.credit}
            onChange={(event) => update({ credit: event.target.value === "" ? null : event.target.value })}
          />
        </div>
        <button type="button" className="button small danger" onClick={() => editor.chain().focus().deleteSelection().run()}>
          {t("figure.remove")}
        </button>
      </div>
      <FigurePhotoPicker
        language={language}
        attachedId={figure.assetId}
        // The wire caption stays; the photo's credit fills an empty one.
        onAttach={(choice) => update({ assetId: choice.id, ...(figure.credit ? {} : { credit: choice.credit }) })}
        onDetach={() => update({ assetId: null })}
      />
    </fieldset>
  );
}
