"use client";
// A submit button that shows the form's pending state and cannot be pressed twice.
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";

export function SubmitButton({ children, pendingLabel, className }: { children: ReactNode; pendingLabel?: ReactNode; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending} className={className ?? "button"}>
      {pending ? (pendingLabel ?? children) : children}
    </button>
  );
}
