"use client";
// Shown when a save was refused because someone saved in between: explains who and when, shows
// what they changed since this person started, and KEEPS this person's text (copy it, load the
// latest version with it kept beside, or overwrite deliberately with a second press).
import { useEffect, useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { DiffView } from "./diff-view";
import type { Conflict, Draft } from "./use-version-save";

export function draftAsText(draft: Draft): string {
  const { metadata } = draft;
  return [metadata.title, metadata.standfirst, draft.text].filter(Boolean).join("\n\n");
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

export function ConflictScreen({
  conflict,
  onLoadLatest,
  onOverwrite,
}: {
  conflict: Conflict;
  onLoadLatest: () => void;
  onOverwrite: () => void;
}) {
  const t = useTranslations("editor");
  const format = useFormatter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const mine = draftAsText(conflict.mine);
  const { current } = conflict;
  return (
    <section aria-labelledby="conflict-title" className="mb-6 rounded border-2 border-[var(--error)] bg-red-50 p-4" data-testid="conflict">
      <h2 id="conflict-title" ref={heading} tabIndex={-1} className="mt-0">
        {t("conflict.title")}
      </h2>
      <p>
        {t("conflict.explain", {
          name: current.updatedBy ?? t("conflict.someone"),
          time: format.dateTime(new Date(current.updatedAt), { dateStyle: "medium", timeStyle: "medium" }),
        })}
      </p>
      <div className="my-3 flex flex-wrap gap-3">
        <button type="button" className="button" onClick={onLoadLatest}>
          {t("conflict.reapply")}
        </button>
        {confirming ? (
          <button type="button" className="button danger" onClick={onOverwrite}>
            {t("conflict.overwriteConfirmButton")}
          </button>
        ) : (
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            {t("conflict.overwrite")}
          </button>
        )}
      </div>
      <p aria-live="polite" className="text-sm font-semibold">
        {confirming ? t("conflict.overwriteConfirm") : null}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="conflict-mine" className="rounded border border-neutral-300 bg-white p-3">
          <h3 id="conflict-mine" className="mt-0 font-bold">
            {t("conflict.yourText")}
          </h3>
          <textarea
            readOnly
            value={mine}
            aria-labelledby="conflict-mine"
            rows={12}
            className="w-full rounded border border-neutral-400 p-2 text-sm"
            data-testid="conflict-mine"
          />
          <CopyTextButton text={mine} />
        </section>
        <section aria-labelledby="conflict-theirs" className="rounded border border-neutral-300 bg-white p-3">
          <h3 id="conflict-theirs" className="mt-0 font-bold">
            {t("conflict.theirChanges")}
          </h3>
          {conflict.theirChanges ? <DiffView diff={conflict.theirChanges} headingLevel={3} /> : <p>{t("conflict.noDiff")}</p>}
          <details className="mt-3">
            <summary>{t("conflict.theirText")}</summary>
            <p className="font-semibold">{current.snapshot.title}</p>
            <p className="whitespace-pre-wrap text-sm">{current.snapshot.bodyText}</p>
          </details>
        </section>
      </div>
    </section>
  );
}

/** After loading the latest version: the person's own unsaved text, kept beside the editor. */
export function KeptTextPanel({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const t = useTranslations("editor");
  const text = draftAsText(draft);
  return (
    <section aria-labelledby="kept-title" className="mb-4 rounded border-2 border-amber-600 bg-amber-50 p-3" data-testid="kept-text">
      <h2 id="kept-title" className="mt-0">
        {t("conflict.keptTitle")}
      </h2>
      <p className="text-sm">{t("conflict.keptHint")}</p>
      <textarea
        readOnly
        value={text}
        aria-labelledby="kept-title"
        rows={10}
        className="w-full rounded border border-neutral-400 p-2 text-sm"
      />
      <div className="flex gap-3">
        <CopyTextButton text={text} />
        <button type="button" className="button link" onClick={onClose}>
          {t("conflict.close")}
        </button>
      </div>
    </section>
  );
}
