"use client";
// The article's title as the page's large heading: a textarea that grows with the text (a ministry
// headline wraps instead of scrolling), no frame until focused, one line of text (Enter moves to the body).
import { useLayoutEffect, useRef } from "react";

type Props = {
  label: string;
  placeholder: string;
  value: string;
  errors?: string[];
  lang: string;
  disabled?: boolean;
  onChange: (value: string) => void;
  onEnter: () => void;
};

export function TitleField({ label, placeholder, value, errors, lang, disabled, onChange, onEnter }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    // Grown by hand: `field-sizing: content` is not in every browser the desk supports.
    const area = ref.current;
    if (!area) return;
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight}px`;
  }, [value]);
  return (
    <div className="mb-2">
      <label htmlFor="title" className="sr-only">
        {label}
      </label>
      <textarea
        ref={ref}
        id="title"
        name="title"
        rows={1}
        required
        lang={lang}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby="title-error"
        onChange={(event) => onChange(event.target.value.replace(/\s*\n+\s*/g, " "))}
        onKeyDown={(event) => {
          if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            onEnter();
          }
        }}
        className="block w-full resize-none overflow-hidden rounded-md border border-transparent bg-transparent px-2 py-1 font-serif text-3xl leading-tight font-bold text-foreground placeholder:text-muted-foreground hover:border-line focus:border-input-border sm:text-4xl"
      />
      <div id="title-error" aria-live="polite" className="field-error px-2">
        {errors?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}
