// What every server action returns, shared by the server wrapper (lib/action.ts) and the forms.
export type ActionState<Data = unknown> = {
  ok: boolean;
  /** Field name -> translated messages, shown next to the field. */
  errors?: Record<string, string[]>;
  /** A translated message for the whole form. */
  message?: string;
  /** What was submitted, sent back on failure so nothing typed is lost (never passwords). */
  values?: Record<string, string>;
  /** What a successful action hands back to its caller (an id, a summary). */
  data?: Data;
};

export const initialActionState: ActionState<never> = { ok: false };
