"use client";
// Sends comment writes through the workflow's server actions (the server checks the permission)
// and re-reads the page after each, so every view of the threads shows the same state.
import { useCallback, useTransition } from "react";
import { useRouter } from "next/navigation";
import { initialActionState, type ActionState } from "@/lib/action-state";
import type { CommentAnchor } from "@/lib/comments/anchor";
import { addComment, reopenComment, resolveComment } from "@/lib/workflow/actions";

export type CommentWrite =
  | { kind: "comment"; versionId: string; body: string; anchor: CommentAnchor | null }
  | { kind: "reply"; versionId: string; body: string; parentId: string }
  | { kind: "resolve"; commentId: string }
  | { kind: "reopen"; commentId: string };

function formOf(write: CommentWrite): FormData {
  const form = new FormData();
  if (write.kind === "resolve" || write.kind === "reopen") {
    form.set("commentId", write.commentId);
    return form;
  }
  form.set("versionId", write.versionId);
  form.set("body", write.body);
  if (write.kind === "reply") {
    form.set("parentId", write.parentId);
  } else if (write.anchor?.quote) {
    form.set("anchorBlockId", write.anchor.blockId ?? "");
    form.set("anchorFrom", String(write.anchor.from ?? ""));
    form.set("anchorTo", String(write.anchor.to ?? ""));
    form.set("anchorQuote", write.anchor.quote);
  }
  return form;
}

export function useCommentActions() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const send = useCallback(
    async (write: CommentWrite): Promise<ActionState> => {
      const action = write.kind === "resolve" ? resolveComment : write.kind === "reopen" ? reopenComment : addComment;
      const outcome = await action(initialActionState, formOf(write));
      if (outcome.ok) startTransition(() => router.refresh());
      return outcome;
    },
    [router],
  );
  return { send, pending };
}
