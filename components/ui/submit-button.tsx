"use client";
// A submit button that shows the form's pending state (disabled, a spinner, its pending label) and
// cannot be pressed twice. Drawn with the button variants; a caller's legacy `className` still wins.
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Loader2 } from "lucide-react";
import { buttonVariants, type ButtonProps } from "@/components/ui/button";

type SubmitButtonProps = {
  children: ReactNode;
  pendingLabel?: ReactNode;
  className?: string;
  "aria-label"?: string;
  variant?: ButtonProps["variant"];
  size?: ButtonProps["size"];
  /** Which of a form's buttons was pressed, sent with the form (name=value). */
  name?: string;
  value?: string;
};

export function SubmitButton({ children, pendingLabel, className, "aria-label": label, variant, size, name, value }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={className ?? buttonVariants({ variant, size })}
      aria-label={label}
    >
      {pending ? <Loader2 aria-hidden className="size-4 shrink-0 animate-spin" /> : null}
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
