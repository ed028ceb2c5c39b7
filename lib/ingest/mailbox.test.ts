// The mailbox against a real IMAP server (Debian's dovecot, test/fixtures/dovecot.ts) and the real
// database: a press release with a body and a Word attachment becomes two items in review and the
// message moves to Processed, marked; a second poll adds nothing; a wrong password is the source's
// clear error; a message in an unknown charset fails its item while the others go on; a press release
// already taken from a feed (a real HTTP server on loopback) is linked to it, not imported again.
import { randomBytes, randomUUID } from "node:crypto";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { ImapFlow } from "imapflow";
import MailComposer from "nodemailer/lib/mail-composer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { pollSource } from "@/lib/ingest/poll";
import { sourceCreateSchema } from "@/lib/ingest/schema";
import { createSource } from "@/lib/ingest/service";
import { INGESTED_KEYWORD, PROCESSED_FOLDER } from "@/lib/ingest/sources/mailbox";
import { createUser } from "@/lib/users/service";
import { freePort } from "@/scripts/lib/free-port";
import { startDovecot, type Dovecot } from "@/test/fixtures/dovecot";
import { makeStory, startFeedServer, type Story } from "@/test/fixtures/ingest-server";

let dovecot: Dovecot;
let imap: ImapFlow;
let admin: { id: string; role: "ADMIN" };
const previousKey = process.env.INGEST_SECRET_KEY;

beforeAll(async () => {
  process.env.INGEST_SECRET_KEY = randomBytes(32).toString("base64");
  dovecot = await startDovecot();
  imap = new ImapFlow({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    auth: { user: dovecot.user, pass: dovecot.password },
    logger: false,
  });
  await imap.connect();
  const user = await createUser(
    { email: `mailbox-${randomUUID()}@desk.test`, name: "Mailbox admin", role: "ADMIN", password: "ingest-password" },
    null,
  );
  admin = { id: user.id, role: "ADMIN" };
}, 30_000);

afterAll(async () => {
  await imap?.logout().catch(() => imap.close());
  await dovecot?.stop();
  if (previousKey === undefined) delete process.env.INGEST_SECRET_KEY;
  else process.env.INGEST_SECRET_KEY = previousKey;
});

async function mailboxSource(folder: string, password = dovecot.password, port = dovecot.port) {
  const input = sourceCreateSchema.parse({
    kind: "IMAP",
    name: `Press office ${randomUUID().slice(0, 6)}`,
    host: dovecot.host,
    port: String(port),
    username: dovecot.user,
    password,
    mailbox: folder,
    pollIntervalMinutes: "10",
  });
  const source = await createSource(input, admin);
  await db.ingestSource.update({ where: { id: source.id }, data: { nextPollAt: new Date("2999-01-01") } });
  return source;
}

const text = (story: Story) => [story.title, "", ...story.paragraphs].join("\n\n");

async function docxOf(story: Story): Promise<Buffer> {
  const paragraphs = [story.title, ...story.paragraphs].map((line) => new Paragraph({ children: [new TextRun(line)] }));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

async function mail(
  subject: string,
  body: string,
  attachments: { filename: string; content: Buffer }[] = [],
  messageId?: string,
): Promise<Buffer> {
  const composer = new MailComposer({ from: "press@ministry.test", to: "desk@newsroom.test", subject, text: body, attachments, messageId });
  return composer.compile().build();
}

/** A fresh folder per test, so the tests share the server but not their messages. */
async function folderWith(messages: (Buffer | string)[]): Promise<string> {
  const folder = `Wire-${randomUUID().slice(0, 8)}`;
  await imap.mailboxCreate(folder);
  for (const message of messages) await imap.append(folder, message);
  return folder;
}

async function uidsIn(folder: string, query: Parameters<ImapFlow["search"]>[0] = { all: true }): Promise<number[]> {
  const lock = await imap.getMailboxLock(folder);
  try {
    return (await imap.search(query, { uid: true })) || [];
  } finally {
    lock.release();
  }
}

describe("a mailbox", () => {
  it("turns a message's body and its Word attachment into two items in review, then moves the message away", async () => {
    const body = makeStory();
    const attached = makeStory();
    const folder = await folderWith([
      await mail(body.title, text(body), [{ filename: "communique.docx", content: await docxOf(attached) }]),
    ]);
    const { id } = await mailboxSource(folder);

    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 2, failed: 0, seen: 2 });
    const items = await db.ingestItem.findMany({ where: { sourceId: id }, include: { importRecord: { select: { status: true } } } });
    expect(items).toHaveLength(2);
    expect(items.every((item) => item.status === "IN_REVIEW" && item.importRecord?.status === "PENDING_REVIEW")).toBe(true);
    expect(items.map((item) => item.title).sort()).toEqual([`${body.title} (${body.title})`, `${body.title} › communique.docx`].sort());

    expect(await uidsIn(folder)).toEqual([]);
    expect(await uidsIn(PROCESSED_FOLDER, { keyword: INGESTED_KEYWORD, subject: body.title })).toHaveLength(1);

    expect(await pollSource(id)).toMatchObject({ status: "polled", seen: 0 });
    expect(await db.ingestItem.count({ where: { sourceId: id } })).toBe(2);
  });

  it("takes each message once when two servers poll the mailbox at the same time", async () => {
    const stories = [makeStory(), makeStory()];
    const folder = await folderWith(await Promise.all(stories.map((story) => mail(story.title, text(story)))));
    const { id } = await mailboxSource(folder);
    const outcomes = await Promise.all([pollSource(id), pollSource(id)]);
    expect(
      outcomes.map((outcome) => (outcome.status === "polled" ? outcome.inReview : -1)).reduce((a, b) => a + b),
      JSON.stringify(outcomes),
    ).toBe(2);
    expect(await db.ingestItem.count({ where: { sourceId: id } })).toBe(2);
    expect(await uidsIn(folder)).toEqual([]);
  });

  it("moves on a message whose items a stopped poll claimed long ago but never settled", async () => {
    const story = makeStory();
    const messageId = `<${randomUUID()}@ministry.test>`;
    const folder = await folderWith([await mail(story.title, text(story), [], messageId)]);
    const { id } = await mailboxSource(folder);
    await db.ingestItem.create({
      data: { sourceId: id, externalKey: `${messageId}#0`, status: "FAILED", fetchedAt: new Date(Date.now() - 60 * 60_000) },
    });
    expect(await pollSource(id)).toMatchObject({ status: "polled", seen: 0 });
    expect(await uidsIn(folder)).toEqual([]);
    expect(await db.ingestItem.count({ where: { sourceId: id } })).toBe(1);
  });

  it("says the login was refused when the password is wrong", async () => {
    const folder = await folderWith([await mail("Unread", text(makeStory()))]);
    const { id } = await mailboxSource(folder, "not-the-password");
    expect(await pollSource(id)).toMatchObject({ status: "failed", code: "ingest.errors.mailboxLogin", paused: false });
    const source = await db.ingestSource.findUniqueOrThrow({ where: { id } });
    expect(source.lastError).toMatchObject({ code: "ingest.errors.mailboxLogin", params: { user: dovecot.user } });
    expect(await uidsIn(folder, { keyword: INGESTED_KEYWORD })).toEqual([]);
  });

  it("says when the mail server cannot be reached", async () => {
    const { id } = await mailboxSource("INBOX", dovecot.password, await freePort());
    expect(await pollSource(id)).toMatchObject({ status: "failed", code: "ingest.errors.mailboxUnreachable" });
  });

  it("fails an attachment over the limit with its reason, and takes the message's body", async () => {
    const story = makeStory();
    const huge = Buffer.alloc(21 * 1024 * 1024, "a");
    const folder = await folderWith([await mail(story.title, text(story), [{ filename: "annexe.txt", content: huge }])]);
    const { id } = await mailboxSource(folder);
    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 1, failed: 1 });
    const failed = await db.ingestItem.findFirstOrThrow({ where: { sourceId: id, status: "FAILED" } });
    expect(failed).toMatchObject({
      title: `${story.title} › annexe.txt`,
      error: { code: "ingest.errors.tooLarge", params: { limit: 20 } },
    });
    expect(await uidsIn(folder)).toEqual([]);
    // 21 MB appended, fetched and parsed: seconds on a quiet machine, more on a busy CI one.
  }, 60_000);

  it("fails a message in an unknown charset with its reason, and takes the others", async () => {
    const story = makeStory();
    const strange = [
      "From: press@ministry.test",
      "To: desk@newsroom.test",
      "Subject: Klingon bulletin",
      `Message-ID: <${randomUUID()}@ministry.test>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=x-klingon-8",
      "Content-Transfer-Encoding: 8bit",
      "",
      "Qapla' \xe9\xe8 batlh",
      "",
    ].join("\r\n");
    const folder = await folderWith([Buffer.from(strange, "latin1"), await mail(story.title, text(story))]);
    const { id } = await mailboxSource(folder);

    expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 1, failed: 1 });
    const failed = await db.ingestItem.findFirstOrThrow({ where: { sourceId: id, status: "FAILED" } });
    expect(failed).toMatchObject({
      title: "Klingon bulletin",
      error: { code: "ingest.errors.mailCharset", params: { charset: "x-klingon-8" } },
    });
    // Both were dealt with: neither is read again.
    expect(await uidsIn(folder)).toEqual([]);
    expect(await pollSource(id)).toMatchObject({ status: "polled", seen: 0 });
  });
});

describe("a press release by feed and by mail", () => {
  it("is one article: the mail's item is linked to what the feed brought, not imported again", async () => {
    const feeds = await startFeedServer();
    try {
      const story = makeStory();
      const feedInput = sourceCreateSchema.parse({
        kind: "FEED",
        name: `Ministry feed ${randomUUID().slice(0, 6)}`,
        url: feeds.feed(`press-${story.id}`, "rss", [story]),
        pollIntervalMinutes: "10",
        internal: "on",
      });
      const feed = await createSource(feedInput, admin);
      await db.ingestSource.update({ where: { id: feed.id }, data: { nextPollAt: new Date("2999-01-01") } });
      expect(await pollSource(feed.id)).toMatchObject({ status: "polled", inReview: 1, duplicates: 0 });

      const { id } = await mailboxSource(await folderWith([await mail(story.title, text(story))]));
      expect(await pollSource(id)).toMatchObject({ status: "polled", inReview: 0, duplicates: 1 });
      const fromFeed = await db.ingestItem.findFirstOrThrow({ where: { sourceId: feed.id } });
      const fromMail = await db.ingestItem.findFirstOrThrow({ where: { sourceId: id } });
      expect(fromMail).toMatchObject({ status: "DUPLICATE", importRecordId: fromFeed.importRecordId });
    } finally {
      await feeds.close();
    }
  });
});
