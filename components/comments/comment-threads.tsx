"use client";
// The comment threads of a document, as the Comments tab and the translation editor list them:
// each passage quoted (or marked orphaned when it left the text), the comment and its replies,
// reply, resolve and reopen; resolved threads hidden behind "Show resolved".
import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { CommentThreadView } from "@/lib/workflow/queries";
import { CommentComposer } from "./comment-composer";
import { useCommentActions } from "./use-comment-actions";

type Props = {
  threads: CommentThreadView[];
  /** Threads whose passage is in the text now; other anchored threads are orphans. */
  located: ReadonlySet<string>;
  canComment: boolean;
  active?: string | null;
  /** Shows a thread's passage in the text. */
  onShow?: (threadId: string) => void;
  /** A label per thread when threads come from two texts (the source and the translation). */
  sideOf?: (thread: CommentThreadView) => string | null;
  hint?: string;
};

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

export function CommentThreads({ threads, located, canComment, active, onShow, sideOf, hint }: Props) {
  const t = useTranslations("workflow.comments");
  const format = useFormatter();
  const { send } = useCommentActions();
  const [showResolved, setShowResolved] = useState(false);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [message, setMessage] = useState("");
  const resolvedCount = threads.filter((thread) => thread.resolved).length;
  const shown = threads.filter((thread) => showResolved || !thread.resolved);
  const byline = (author: string | null, createdAt: string) =>
    t("by", { name: author ?? t("unknownAuthor"), time: format.dateTime(new Date(createdAt), WHEN) });

  const toggle = async (thread: CommentThreadView) => {
    const outcome = await send({ kind: thread.resolved ? "reopen" : "resolve", commentId: thread.id });
    setMessage(outcome.message ?? "");
  };

  return (
    <section className="stack" aria-label={t("title")} data-testid="comment-threads">
      {hint ? <p className="text-sm text-muted-foreground">{hint}</p> : null}
      <p aria-live="polite" className="text-sm empty:hidden" data-testid="comment-message">
        {message}
      </p>
      {resolvedCount > 0 ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} />
          {t("showResolved", { count: resolvedCount })}
        </label>
      ) : null}
      {shown.length === 0 ? <p className="text-sm">{t("empty")}</p> : null}
      <ul className="stack list-none p-0">
        {shown.map((thread) => {
          const orphaned = Boolean(thread.anchor.quote) && !located.has(thread.id);
          const side = sideOf?.(thread);
          return (
            <li
              key={thread.id}
              id={`comment-thread-${thread.id}`}
              tabIndex={-1}
              data-testid="comment-thread"
              data-resolved={thread.resolved}
              data-orphaned={orphaned}
              className={`rounded-md border p-3 text-sm outline-none focus-visible:ring-2 focus-visible:ring-primary ${
                thread.id === active ? "border-primary" : "border-line"
              } ${thread.resolved ? "opacity-75" : ""}`}
            >
              <div className="mb-1 flex flex-wrap items-center gap-2">
                {side ? <Badge tone="neutral">{side}</Badge> : null}
                {thread.resolved ? <Badge tone="success">{t("resolved")}</Badge> : null}
                {orphaned ? <Badge tone="warning">{t("orphaned")}</Badge> : null}
              </div>
              {thread.anchor.quote ? (
                orphaned || !onShow ? (
                  <blockquote className="border-l-4 border-line pl-2 italic" aria-label={t("passage")}>
                    {thread.anchor.quote}
                  </blockquote>
                ) : (
                  <button
                    type="button"
                    className="block w-full cursor-pointer border-l-4 border-(--comment-highlight-border) pl-2 text-left italic hover:bg-hover"
                    aria-label={`${t("passage")}: ${thread.anchor.quote}`}
                    onClick={() => onShow(thread.id)}
                  >
                    {thread.anchor.quote}
                  </button>
                )
              ) : null}
              <p className="my-1 whitespace-pre-line">{thread.body}</p>
              <p className="text-xs text-muted-foreground">{byline(thread.author, thread.createdAt)}</p>
              {thread.replies.length ? (
                <ul className="mt-2 stack list-none border-l-2 border-line pl-3">
                  {thread.replies.map((reply) => (
                    <li key={reply.id} data-testid="comment-reply">
                      <p className="my-0 whitespace-pre-line">{reply.body}</p>
                      <p className="text-xs text-muted-foreground">{byline(reply.author, reply.createdAt)}</p>
                    </li>
                  ))}
                </ul>
              ) : null}
              {canComment ? (
                replyingTo === thread.id ? (
                  <div className="mt-2">
                    <CommentComposer
                      label={t("replyLabel", { name: thread.author ?? t("unknownAuthor") })}
                      onCancel={() => setReplyingTo(null)}
                      onSend={async (body) => {
                        const outcome = await send({ kind: "reply", versionId: thread.versionId, body, parentId: thread.id });
                        if (outcome.ok) setReplyingTo(null);
                        setMessage(outcome.ok ? (outcome.message ?? "") : "");
                        return outcome;
                      }}
                    />
                  </div>
                ) : (
                  <div className="mt-2 flex gap-2">
                    <Button type="button" size="sm" variant="secondary" onClick={() => setReplyingTo(thread.id)}>
                      {t("reply")}
                    </Button>
                    <Button type="button" size="sm" variant="ghost" onClick={() => void toggle(thread)}>
                      {thread.resolved ? t("reopen") : t("resolve")}
                    </Button>
                  </div>
                )
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
