"use client";
// Read-only text a person may comment on (the source in the translation editor): rendered by React
// from its inline JSON (never as HTML) with comment passages highlighted, and the selection read
// back as a comment anchor (block id, offsets in the block's text, quote).
import { useEffect, useState, type ReactNode } from "react";
import type { CommentAnchor } from "@/lib/comments/anchor";
import type { Inline, InlineNode } from "@/lib/translations/inline";

export type TextHighlight = { id: string; from: number; to: number; active: boolean };

/** The block's text as anchors count it: its text runs, line breaks counting for nothing. */
export function commentableText(content: Inline): string {
  return content.map((node) => (node.type === "text" ? node.text : "")).join("");
}

function withMarks(node: Extract<InlineNode, { type: "text" }>, text: string, key: string): ReactNode {
  let element: ReactNode = text;
  for (const mark of [...(node.marks ?? [])].reverse()) {
    if (mark.type === "bold") element = <strong>{element}</strong>;
    else if (mark.type === "italic") element = <em>{element}</em>;
    else
      element = (
        <a href={mark.attrs.href} rel="noopener noreferrer nofollow" target="_blank" className="underline">
          {element}
        </a>
      );
  }
  return <span key={key}>{element}</span>;
}

export function CommentableText({ blockId, content, highlights }: { blockId: string; content: Inline; highlights: TextHighlight[] }) {
  const parts: ReactNode[] = [];
  let offset = 0;
  content.forEach((node, index) => {
    if (node.type === "hardBreak") {
      parts.push(<br key={index} />);
      return;
    }
    // Cut the run where a highlight starts or ends.
    const cuts = new Set([0, node.text.length]);
    for (const highlight of highlights) {
      for (const at of [highlight.from - offset, highlight.to - offset]) if (at > 0 && at < node.text.length) cuts.add(at);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let cut = 0; cut < points.length - 1; cut++) {
      const start = points[cut]!;
      const end = points[cut + 1]!;
      const piece = withMarks(node, node.text.slice(start, end), `${index}-${start}`);
      const inside = highlights.find((highlight) => highlight.from <= offset + start && offset + end <= highlight.to);
      parts.push(
        inside ? (
          <mark
            key={`${index}-${start}`}
            data-comment-id={inside.id}
            className={inside.active ? "comment-highlight comment-highlight-active text-inherit" : "comment-highlight text-inherit"}
          >
            {piece}
          </mark>
        ) : (
          piece
        ),
      );
    }
    offset += node.text.length;
  });
  return <span data-comment-block={blockId}>{parts}</span>;
}

/** The anchor of the page's selection when it lies inside one commentable block, and where it ends on screen. */
export function useCommentableSelection(): { anchor: CommentAnchor; rect: DOMRect } | null {
  const [found, setFound] = useState<{ anchor: CommentAnchor; rect: DOMRect } | null>(null);
  useEffect(() => {
    const read = () => {
      const selection = document.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0) return setFound(null);
      const range = selection.getRangeAt(0);
      const blockOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>("[data-comment-block]");
      const block = blockOf(range.startContainer);
      if (!block || block !== blockOf(range.endContainer)) return setFound(null);
      const before = document.createRange();
      before.setStart(block, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const raw = range.toString();
      const quote = raw.trim().slice(0, 500);
      if (!quote) return setFound(null);
      const from = before.toString().length + (raw.length - raw.trimStart().length);
      setFound({
        anchor: { blockId: block.dataset.commentBlock ?? null, from, to: from + quote.length, quote },
        rect: range.getBoundingClientRect(),
      });
    };
    document.addEventListener("selectionchange", read);
    return () => document.removeEventListener("selectionchange", read);
  }, []);
  return found;
}
