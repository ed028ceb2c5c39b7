"use client";
// The small card where a comment (or a reply) is typed: plain text, Ctrl/Cmd+Enter sends, Escape
// cancels, the server's message shown under the field. Floats beside the selection it is about.
import { useEffect, useId, useState, useTransition, type CSSProperties } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/action-state";

type Props = {
  label: string;
  quote?: string | null;
  onSend: (body: string) => Promise<ActionState>;
  onCancel: () => void;
  /** Fixed position beside the selection; inline when absent. */
  position?: { left: number; top: number } | null;
};

export function CommentComposer({ label, quote, onSend, onCancel, position }: Props) {
  const t = useTranslations("workflow.comments");
  const id = useId();
  const [body, setBody] = useState("");
  const [result, setResult] = useState<ActionState | null>(null);
  const [pending, startTransition] = useTransition();
  // Opened on purpose (Comment, Reply): the typing goes straight into the field.
  useEffect(() => document.getElementById(id)?.focus(), [id]);

  const send = () =>
    startTransition(async () => {
      const outcome = await onSend(body);
      setResult(outcome);
      if (outcome.ok) setBody("");
      else document.getElementById(id)?.focus();
    });

  const style: CSSProperties | undefined = position
    ? { position: "fixed", left: Math.max(8, Math.min(position.left, window.innerWidth - 328)), top: position.top, zIndex: 40 }
    : undefined;
  const error = result && !result.ok ? (result.errors?.body?.join(" ") ?? result.message) : null;

  return (
    <div
      role={position ? "dialog" : "group"}
      aria-label={label}
      style={style}
      className={position ? "w-80 rounded-md border border-line bg-background p-3 shadow-lg" : "stack"}
      data-testid="comment-composer"
    >
      {quote ? <blockquote className="mb-2 line-clamp-3 border-l-4 border-line pl-2 text-sm italic">{quote}</blockquote> : null}
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <Textarea
        id={id}
        value={body}
        maxLength={5000}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-error`}
        className="min-h-20 text-sm"
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      <p id={`${id}-error`} aria-live="polite" className="field-error text-sm empty:hidden">
        {error}
      </p>
      <div className="mt-2 flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          {t("cancel")}
        </Button>
        <Button type="button" size="sm" disabled={pending} onClick={send}>
          {t("send")}
        </Button>
      </div>
    </div>
  );
}
