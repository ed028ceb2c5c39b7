// The reader of each kind of source. FEED is here; IMAP (imapflow + mailparser) and FOLDER plug in
// as readers of the same shape (types.ts): until then polling such a source says it is not ready.
import "server-only";
import type { IngestKind } from "@/lib/generated/prisma/enums";
import { IngestError } from "../errors";
import { readFeed } from "./feed";
import type { SourceReader } from "./types";

const notReady: SourceReader = async () => {
  throw new IngestError("ingest.errors.kindNotReady");
};

export const READERS: Record<IngestKind, SourceReader> = { FEED: readFeed, IMAP: notReady, FOLDER: notReady };
