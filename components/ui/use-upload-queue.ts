"use client";
// The queue behind the multi-file uploaders: one row per file, a few uploads at a time, each row
// updated by the upload that owns it.
import { useState } from "react";

export type UploadRow = { key: string; name: string; state: string };

export function useUploadQueue<Row extends UploadRow>(upload: (file: File, update: (patch: Partial<Row>) => void) => Promise<void>, parallel = 2) {
  const [rows, setRows] = useState<Row[]>([]);

  async function start(files: File[]) {
    const added = files.map((file, index) => ({ file, row: { key: `${Date.now()}-${index}-${file.name}`, name: file.name, state: "waiting" } as Row }));
    setRows((current) => [...added.map((entry) => entry.row), ...current]);
    const queue = [...added];
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const key = next.row.key;
          await upload(next.file, (patch) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row))));
        }
      }),
    );
  }

  return { rows, start };
}
