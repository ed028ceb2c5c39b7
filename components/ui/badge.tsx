// A state badge: a tint AND a word (colour never carries meaning alone). Tones map to state tokens.
import type { HTMLAttributes } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/components/ui/cn";

export const badgeVariants = cva("inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap", {
  variants: {
    tone: {
      neutral: "bg-(--badge-neutral-bg) text-(--badge-neutral-fg)",
      info: "bg-(--badge-info-bg) text-(--badge-info-fg)",
      success: "bg-(--badge-success-bg) text-(--badge-success-fg)",
      warning: "bg-(--badge-warning-bg) text-(--badge-warning-fg)",
      danger: "bg-(--badge-danger-bg) text-(--badge-danger-fg)",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

export function Badge({ className, tone, ...props }: HTMLAttributes<HTMLSpanElement> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
