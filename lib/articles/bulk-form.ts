// The id tying the list's row checkboxes to the bulk form (their `form` attribute), shared by the
// server-rendered table and the client form; kept out of the "use client" module on purpose.
export const BULK_FORM_ID = "bulk-form";
