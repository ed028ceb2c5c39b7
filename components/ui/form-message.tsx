// The form-level outcome of an action, announced to screen readers.
import type { ActionState } from "@/lib/action-state";

export function FormMessage({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" className={state.ok ? "form-message ok" : "form-message error"} data-testid="form-message">
      {state.message ? <p role={state.ok ? "status" : undefined}>{state.message}</p> : null}
    </div>
  );
}
