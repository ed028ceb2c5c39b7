"use client";
// A submit button that shows the form's pending state and cannot be pressed twice.
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

type SubmitButtonProps = { children: ReactNode; pendingLabel?: ReactNode; className?: string; "aria-label"?: string };

export function SubmitButton({ children, pendingLabel, className, "aria-label": label }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className ?? "button"} aria-label={label}>
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
