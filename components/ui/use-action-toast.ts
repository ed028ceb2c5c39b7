"use client";
// The one way an action's result becomes a toast, once per result. A form keeps its inline
// aria-live message too (a toast disappears, the inline message stays for who missed it); an action
// started from a menu has no form to show it, so it asks for its refusals as toasts as well.
import { useEffect } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/action-state";

/** One result as a toast: success always, a refusal only when asked (no form shows it inline). */
export function toastActionResult(state: ActionState<unknown>, { refusals = false }: { refusals?: boolean } = {}): void {
  if (!state.message) return;
  if (state.ok) toast.success(state.message);
  else if (refusals) toast.error(state.message);
}

export function useActionToast(state: ActionState<unknown>, { refusals = false }: { refusals?: boolean } = {}): void {
  useEffect(() => toastActionResult(state, { refusals }), [state, refusals]);
}
