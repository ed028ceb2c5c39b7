"use client";
// The figure panel's photo search: library photos found by caption, alt text or credit (recent
// ones for an empty search; the findFigurePhotos action) and attached to the selected figure.
// Saving the body records the usage, so the library shows where the photo is and keeps it.
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { initialActionState } from "@/lib/action-state";
import { findFigurePhotos } from "@/lib/media/actions";
import type { MediaChoice } from "@/lib/media/queries";

type FigurePhotoPickerProps = {
  language: string;
  attachedId: string | null;
  onAttach: (choice: MediaChoice) => void;
  onDetach: () => void;
};

export function FigurePhotoPicker({ language, attachedId, onAttach, onDetach }: FigurePhotoPickerProps) {
  const t = useTranslations("editor.figure");
  const [query, setQuery] = useState("");
  const [state, search, searching] = useActionState(findFigurePhotos, initialActionState);
  const choices = state.ok ? (state.data ?? []) : null;

  return (
    <div className="mt-3 border-t border-neutral-300 pt-3" data-testid="figure-photo">
      <p className="font-semibold">{t("photoLegend")}</p>
      <p className="text-sm">
        {attachedId ? t("photoAttached") : t("photoNone")}{" "}
        {attachedId ? (
          <button type="button" className="button link" onClick={onDetach}>
            {t("photoDetach")}
          </button>
        ) : null}
      </p>
      <form action={search} className="mt-2 flex flex-wrap items-end gap-2">
        <input type="hidden" name="language" value={language} />
        <div className="field grow">
          <label htmlFor="figure-photo-query">{t("photoQuery")}</label>
          <input id="figure-photo-query" name="query" maxLength={200} value={query} onChange={(event) => setQuery(event.target.value)} />
        </div>
        <button type="submit" className="button small" disabled={searching}>
          {t("photoSearch")}
        </button>
      </form>
      {!state.ok && state.message ? (
        <p role="alert" className="field-error">
          {state.message}
        </p>
      ) : null}
      {choices && choices.length === 0 ? <p className="mt-2 text-sm">{t("photoNoResults")}</p> : null}
      {choices && choices.length > 0 ? (
        <ul aria-label={t("photoResults")} className="mt-2 flex flex-wrap gap-2">
          {choices.map((choice) => {
            const label = choice.caption || choice.alt || t("photoUntitled");
            return (
              <li key={choice.id}>
                <button
                  type="button"
                  aria-pressed={choice.id === attachedId}
                  aria-label={t("photoAttach", { label })}
                  className={`w-28 rounded border p-1 text-left text-xs ${choice.id === attachedId ? "border-2 border-[var(--accent)]" : "border-neutral-400"}`}
                  onClick={() => onAttach(choice)}
                >
                  {choice.thumbnail ? (
                    <img
                      src={choice.thumbnail.url}
                      alt=""
                      width={112}
                      height={Math.round((112 * choice.thumbnail.height) / choice.thumbnail.width)}
                      className="h-auto w-full"
                    />
                  ) : null}
                  <span className="mt-1 line-clamp-2 block">{label}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
