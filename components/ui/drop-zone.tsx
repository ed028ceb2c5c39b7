"use client";
// A labelled file picker that also takes dropped files; it clears itself once the files are handled.
import { useRef, useState, type DragEvent } from "react";

type DropZoneProps = { id: string; label: string; hint: string; accept: string; onFiles: (files: File[]) => Promise<void> };

export function DropZone({ id, label, hint, accept, onFiles }: DropZoneProps) {
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function handle(files: File[]) {
    await onFiles(files);
    if (input.current) input.current.value = "";
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    void handle([...event.dataTransfer.files]);
  }

  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={`rounded border-2 border-dashed p-6 ${dragging ? "border-[var(--accent)] bg-sunken" : "border-input-border"}`}
    >
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p className="text-sm text-muted-foreground">{hint}</p>
      <input
        id={id}
        ref={input}
        type="file"
        name="files"
        multiple
        accept={accept}
        onChange={(event) => void handle([...(event.target.files ?? [])])}
        className="mt-2"
      />
    </div>
  );
}
