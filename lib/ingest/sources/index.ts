// The reader of each kind of source: feeds and watched folders; IMAP (imapflow + mailparser) plugs in
// as a reader of the same shape (types.ts): until then polling a mailbox says it is not ready.
import "server-only";
import type { IngestKind } from "@/lib/generated/prisma/enums";
import { IngestError } from "../errors";
import { readFeed } from "./feed";
import { readFolder } from "./folder";
import type { SourceReader } from "./types";

const notReady: SourceReader = async () => {
  throw new IngestError("ingest.errors.kindNotReady");
};

export const READERS: Record<IngestKind, SourceReader> = { FEED: readFeed, IMAP: notReady, FOLDER: (source) => readFolder(source) };
