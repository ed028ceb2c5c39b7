// The reader of each kind of source (the shape in types.ts): feeds, IMAP mailboxes, watched folders.
import "server-only";
import type { IngestKind } from "@/lib/generated/prisma/enums";
import { readFeed } from "./feed";
import { readFolder } from "./folder";
import { readMailbox } from "./mailbox";
import type { SourceReader } from "./types";

export const READERS: Record<IngestKind, SourceReader> = { FEED: readFeed, IMAP: readMailbox, FOLDER: (source) => readFolder(source) };
