// The mailbox reader: IMAP through imapflow. Each message of the source's folder not yet carrying
// the $Ingested keyword is fetched whole and split by the .eml reader (mailparser) into one item per
// text body and per attachment (key: its Message-ID, else UIDVALIDITY and UID, with the part's
// index). Once every item of a message is settled the message gets $Ingested and moves to
// "Processed", so nothing is read twice; a second server polling at once skips the items it finds
// claimed (lib/ingest/poll.ts), so only one of them settles a message.
import "server-only";
import { ImapFlow, type FetchMessageObject, type MessageStructureObject } from "imapflow";
import { isIP } from "node:net";
import { db } from "@/lib/db";
import type { IngestSource } from "@/lib/generated/prisma/client";
import { readEml } from "@/lib/import/readers/eml";
import { IngestError } from "../errors";
import { decryptSecret } from "../secret";
import type { SourceBatch, SourceItem } from "./types";

export const INGESTED_KEYWORD = "$Ingested";
export const PROCESSED_FOLDER = "Processed";
const MAX_MESSAGES_PER_POLL = 50;
const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;
const MAX_PART_BYTES = 20 * 1024 * 1024;
const CONNECT_TIMEOUT_MS = 15_000;
const STALE_CLAIM_MS = 15 * 60_000;

function isLoopback(host: string): boolean {
  return host === "localhost" || (isIP(host) === 4 && host.startsWith("127.")) || host === "::1";
}

/** The charsets a message's text parts declare that no decoder here knows (mailparser would guess). */
function unknownCharsets(node: MessageStructureObject | undefined): string[] {
  if (!node) return [];
  const own = node.parameters?.charset;
  const unknown = own && node.type.startsWith("text/") && !decodable(own) ? [own] : [];
  return [...unknown, ...(node.childNodes ?? []).flatMap(unknownCharsets)];
}

function decodable(charset: string): boolean {
  try {
    new TextDecoder(charset);
    return true;
  } catch {
    return false;
  }
}

function failing(key: string, title: string | null, error: IngestError): SourceItem {
  return {
    key,
    url: null,
    title,
    load: async () => {
      throw error;
    },
  };
}

async function connect(source: IngestSource): Promise<ImapFlow> {
  if (!source.host || !source.username) throw new IngestError("ingest.errors.mailboxUnreachable", { host: source.host ?? "" });
  const port = source.port ?? 993;
  const client = new ImapFlow({
    host: source.host,
    port,
    // Port 993 speaks TLS from the start; elsewhere STARTTLS is required off loopback, so a password
    // never crosses the network in clear.
    secure: port === 993,
    doSTARTTLS: port !== 993 && !isLoopback(source.host) ? true : undefined,
    auth: { user: source.username, pass: source.passwordEncrypted ? decryptSecret(source.passwordEncrypted) : "" },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: CONNECT_TIMEOUT_MS,
  });
  // A dropped connection is reported by the command that was waiting on it, not as a crash.
  client.on("error", () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    if ((error as { authenticationFailed?: boolean }).authenticationFailed)
      throw new IngestError("ingest.errors.mailboxLogin", { user: source.username }, (error as Error).message);
    throw new IngestError("ingest.errors.mailboxUnreachable", { host: source.host }, (error as Error).message);
  }
}

export async function readMailbox(source: IngestSource): Promise<SourceBatch> {
  const client = await connect(source);
  const folder = source.mailbox || "INBOX";
  const close = async () => {
    await client.logout().catch(() => client.close());
  };
  try {
    const opened = await client.mailboxOpen(folder).catch((error: Error) => {
      throw new IngestError("ingest.errors.mailboxFolder", { folder }, error.message);
    });
    const uids = ((await client.search({ unKeyword: INGESTED_KEYWORD }, { uid: true })) || []).slice(0, MAX_MESSAGES_PER_POLL);
    const items: SourceItem[] = [];
    if (uids.length > 0) {
      const asked = new Set(uids);
      const headers = await client.fetchAll(uids, { uid: true, size: true, envelope: true, bodyStructure: true }, { uid: true });
      // Each message asked for, once: while another server's poll flags or moves a message in this
      // folder, the answer also carries those changes, as rows with no envelope and no UID (read as
      // messages, they crashed the poll fetching "undefined").
      const messages = new Map<number, FetchMessageObject>();
      for (const header of headers)
        if (asked.has(header.uid) && header.envelope && !messages.has(header.uid)) messages.set(header.uid, header);
      for (const message of messages.values()) {
        const { parts, markDone } = await itemsOf(client, source, message, String(opened.uidValidity));
        if (await leftBehind(source.id, parts)) await markDone();
        else items.push(...parts);
      }
    }
    return { notModified: false, items, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * True when every item of a message was claimed long ago yet the message is still here: the poll
 * that claimed them stopped before settling it. Left alone it would be fetched at every poll and,
 * fifty of them, hide the rest of the mailbox; no poll is still working on a claim that old.
 */
async function leftBehind(sourceId: string, parts: SourceItem[]): Promise<boolean> {
  const claims = await db.ingestItem.findMany({
    where: { sourceId, externalKey: { in: parts.map((part) => part.key) } },
    select: { fetchedAt: true },
  });
  return claims.length === parts.length && claims.every((claim) => Date.now() - claim.fetchedAt.getTime() > STALE_CLAIM_MS);
}

/** One message's items (the last of them to settle marks and moves the message) and that marking. */
async function itemsOf(
  client: ImapFlow,
  source: IngestSource,
  message: FetchMessageObject,
  uidValidity: string,
): Promise<{ parts: SourceItem[]; markDone: () => Promise<void> }> {
  const messageKey = message.envelope?.messageId?.trim() || `uid:${uidValidity}:${message.uid}`;
  const subject = message.envelope?.subject?.trim() || null;
  let parts: SourceItem[];
  const charsets = unknownCharsets(message.bodyStructure);
  if (charsets.length > 0) {
    parts = [failing(`${messageKey}#0`, subject, new IngestError("ingest.errors.mailCharset", { charset: charsets[0]!.slice(0, 60) }))];
  } else if ((message.size ?? 0) > MAX_MESSAGE_BYTES) {
    parts = [failing(`${messageKey}#0`, subject, new IngestError("ingest.errors.tooLarge", { limit: MAX_MESSAGE_BYTES / (1024 * 1024) }))];
  } else {
    const whole = await client.fetchOne(String(message.uid), { source: true }, { uid: true });
    const split = whole && whole.source ? await readEml(whole.source, subject ?? source.name).catch(() => null) : null;
    parts = split
      ? split.map((part, index) => ({
          key: `${messageKey}#${index}`,
          url: null,
          title: part.name.slice(0, 500),
          load: async () => {
            if (part.bytes.byteLength > MAX_PART_BYTES)
              throw new IngestError("ingest.errors.tooLarge", { limit: MAX_PART_BYTES / (1024 * 1024) });
            return part;
          },
        }))
      : [failing(`${messageKey}#0`, subject, new IngestError("ingest.errors.mailUnreadable"))];
  }
  const markDone = async () => {
    await client.messageFlagsAdd(String(message.uid), [INGESTED_KEYWORD, "\\Seen"], { uid: true });
    await client.mailboxCreate(PROCESSED_FOLDER).catch(() => {});
    await client.messageMove(String(message.uid), PROCESSED_FOLDER, { uid: true });
  };
  let waiting = parts.length;
  const settle = async () => {
    if (--waiting === 0) await markDone();
  };
  return { parts: parts.map((part) => ({ ...part, settle })), markDone };
}
