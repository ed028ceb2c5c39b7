"use client";
// The queue behind the multi-file uploaders: one row per file, a few uploads at a time, each row
// updated by the upload that owns it; a row can be sent again with the same file.
import { useRef, useState } from "react";

export type UploadRow = { key: string; name: string; state: string };

export function useUploadQueue<Row extends UploadRow>(
  upload: (file: File, update: (patch: Partial<Row>) => void) => Promise<void>,
  parallel = 2,
) {
  const [rows, setRows] = useState<Row[]>([]);
  const files = useRef(new Map<string, File>());

  const run = (key: string, file: File) =>
    upload(file, (patch) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row))));

  async function start(picked: File[]) {
    const added = picked.map((file, index) => ({
      file,
      row: { key: `${Date.now()}-${index}-${file.name}`, name: file.name, state: "waiting" } as Row,
    }));
    for (const { file, row } of added) files.current.set(row.key, file);
    setRows((current) => [...added.map((entry) => entry.row), ...current]);
    const queue = [...added];
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) await run(next.row.key, next.file);
      }),
    );
  }

  /** Sends a row's file again (the same File object, so an uploader can recognise it). */
  async function retry(key: string) {
    const file = files.current.get(key);
    if (file) await run(key, file);
  }

  return { rows, start, retry };
}
