// A search snippet: plain text segments, matches in <mark>. React escapes every segment, so the
// article's own text is never interpreted as markup.
import { Fragment } from "react";
import type { HighlightSegment } from "@/lib/public/highlight";

export function HighlightedText({ segments }: { segments: HighlightSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}
