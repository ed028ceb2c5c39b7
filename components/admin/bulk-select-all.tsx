"use client";
// "Select all on this page" for the bulk form: a convenience that only appears once JavaScript
// runs (without it, each row's checkbox still works).
import { useEffect, useState } from "react";

export function BulkSelectAll({ formId, label }: { formId: string; label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  const boxes = () => document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="items"][form="${formId}"]`);
  return (
    <input
      type="checkbox"
      aria-label={label}
      onChange={(event) => {
        for (const box of boxes()) box.checked = event.currentTarget.checked;
      }}
    />
  );
}
