// The two texts of the import review, each change marked where it stands: the original with what
// the cleaning touched, the cleaned article with what the change put there (or, once undone, the
// original text it left in place). The marks carry the change's id for the review's navigation.
import type { Segment } from "@/lib/import-review/highlight";
import { cn } from "@/components/ui/cn";

export type MarkState = "applied" | "undone" | "flagged";

const MARK_TONES: Record<"original" | "cleaned", Record<MarkState, string>> = {
  original: {
    applied: "bg-(--badge-warning-bg) text-(--badge-warning-fg)",
    undone: "bg-(--badge-neutral-bg) text-(--badge-neutral-fg) underline decoration-dashed",
    flagged: "bg-(--badge-danger-bg) text-(--badge-danger-fg)",
  },
  cleaned: {
    applied: "bg-(--badge-success-bg) text-(--badge-success-fg)",
    undone: "bg-(--badge-neutral-bg) text-(--badge-neutral-fg) underline decoration-dashed",
    flagged: "bg-(--badge-danger-bg) text-(--badge-danger-fg)",
  },
};

export function MarkedText({
  segments,
  side,
  stateOf,
}: {
  segments: readonly Segment[];
  side: "original" | "cleaned";
  stateOf: (changeId: string) => MarkState;
}) {
  return segments.map((segment, index) =>
    segment.changeId ? (
      <mark
        key={index}
        // Focused by j/k (never by Tab: the change bar's buttons are the controls).
        tabIndex={-1}
        data-change={segment.changeId}
        data-side={side}
        className={cn(
          "cursor-pointer rounded-sm px-0.5 focus:outline-none data-current:outline-2 data-current:outline-offset-1 data-current:outline-(--ring)",
          MARK_TONES[side][stateOf(segment.changeId)],
        )}
      >
        {segment.text}
      </mark>
    ) : (
      segment.text
    ),
  );
}
