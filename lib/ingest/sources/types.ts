// What a source reader hands the poll (lib/ingest/poll.ts), whatever its kind: the items it sees,
// each loaded only when new, and the validators to keep for next time. One reader per kind in this
// folder (feed.ts, mailbox.ts, folder.ts).
import "server-only";
import type { IngestSource } from "@/lib/generated/prisma/client";

export type LoadedItem = { name: string; bytes: Uint8Array };

export type SourceItem = {
  /** Unique within the source: a feed's guid or link, a message-id and part, a file name. */
  key: string;
  url: string | null;
  title: string | null;
  /** The item's bytes for the pipeline (a page fetched, a part decoded); throws an IngestError. */
  load: () => Promise<LoadedItem>;
  /** Told how the item ended (a folder moves its file, a mailbox flags its message). */
  settle?: (outcome: { ok: true } | { ok: false; reason: string }) => Promise<void>;
};

export type SourceBatch =
  | { notModified: true }
  | {
      notModified: false;
      items: SourceItem[];
      validators?: { etag: string | null; lastModified: string | null };
      /** Called once the poll is done with the items (a mailbox logs out). */
      close?: () => Promise<void>;
    };

export type SourceReader = (source: IngestSource) => Promise<SourceBatch>;
