// A labelled input whose errors are announced and tied to it by aria-describedby.
import type { InputHTMLAttributes, ReactNode } from "react";

type FormFieldProps = {
  name: string;
  label: ReactNode;
  errors?: string[];
  hint?: ReactNode;
  /** An id prefix, needed when the same form appears several times on a page. */
  idPrefix?: string;
} & InputHTMLAttributes<HTMLInputElement>;

export function FormField({ name, label, errors, hint, idPrefix = "", ...input }: FormFieldProps) {
  const id = `${idPrefix}${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input id={id} name={name} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} {...input} />
      <div id={errorId} aria-live="polite" className="field-error">
        {errors?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}
