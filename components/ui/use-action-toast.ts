"use client";
// Raises a toast for an action's success message, once per result. The form keeps its inline
// aria-live message too: a toast disappears, the inline message stays for who missed it.
import { useEffect } from "react";
import { toast } from "sonner";
import type { ActionState } from "@/lib/action-state";

export function useActionToast(state: ActionState<unknown>): void {
  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);
}
