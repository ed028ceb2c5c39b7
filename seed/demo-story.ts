// The demo's desk in motion, told once after the seed's drafts: the samples are edited, tagged,
// illustrated, translated, reviewed, scheduled and published through the desk's own services, each
// step as the demo user whose job it is. Not part of the test seed (browser tests start from drafts).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { slugify } from "@/lib/articles/slug";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { saveVersionEdits } from "@/lib/editing/service";
import { SNAPSHOT_COLUMNS } from "@/lib/editing/fields";
import { setLeadImage } from "@/lib/media/service";
import type { RichTextDocument } from "@/lib/rich-text/document";
import { acceptSuggestion } from "@/lib/tags/service";
import { sourceBlocks } from "@/lib/translations/alignment";
import { inlineFromText, type Inline } from "@/lib/translations/inline";
import { assignTranslation, claimTranslation, saveTranslation, submitTranslation } from "@/lib/translations/service";
import { fingerprintText } from "@/lib/translations/text";
import { addComment, scheduleVersion, transitionVersion } from "@/lib/workflow/service";
import type { TransitionKind } from "@/lib/workflow/transitions";
import { addDemoPhoto } from "./demo-photos";
import { DEMO_USERS } from "./demo-users";

type Actor = { id: string; role: Role };
type Cast = { admin: Actor; editor: Actor; translator: Actor };

/** The five samples by the part each plays (file names in seed/sample-articles). */
export const DEMO_SAMPLES = {
  conference: "000_2c278e109e592e51.txt",
  outlook2024: "001_5fa2019be91cf553.txt",
  focuses2023: "002_01dc4fdb0e13d367.txt",
  tasks2024: "003_3a8810cd82d8df2c.txt",
  koreaTalks: "004_1b329f662bd1b222.txt",
} as const;

/** The desk's time zone: "later today" is the desk's today. */
const DESK_UTC_OFFSET_HOURS = 7;

/**
 * A publication time later today on the desk's clock: three hours from now, or a quarter of an
 * hour before midnight when that is sooner; late in the evening, three hours from now regardless.
 */
export function laterToday(now: Date): Date {
  const offset = DESK_UTC_OFFSET_HOURS * 3_600_000;
  const deskMidnight = new Date(Math.floor((now.getTime() + offset) / 86_400_000) * 86_400_000 + 86_400_000 - offset);
  const inThreeHours = new Date(now.getTime() + 3 * 3_600_000);
  const beforeMidnight = new Date(deskMidnight.getTime() - 15 * 60_000);
  const at = beforeMidnight.getTime() - now.getTime() >= 30 * 60_000 && beforeMidnight < inThreeHours ? beforeMidnight : inThreeHours;
  return new Date(Math.ceil(at.getTime() / 300_000) * 300_000);
}

async function cast(): Promise<Cast> {
  const [admin, editor, translator] = await Promise.all(
    DEMO_USERS.map((user) => db.user.findUniqueOrThrow({ where: { email: user.email }, select: { id: true, role: true } })),
  );
  return { admin: admin!, editor: editor!, translator: translator! };
}

type Sample = { articleId: string; versionId: string };

/** The samples' articles, or null when any of them has moved since its import (the story was told, or someone worked on it). */
async function untouchedSamples(): Promise<Record<keyof typeof DEMO_SAMPLES, Sample> | null> {
  const samples = {} as Record<keyof typeof DEMO_SAMPLES, Sample>;
  for (const [part, fileName] of Object.entries(DEMO_SAMPLES) as [keyof typeof DEMO_SAMPLES, string][]) {
    const record = await db.importRecord.findFirst({
      where: { fileName, articleId: { not: null } },
      orderBy: { createdAt: "asc" },
      select: { articleId: true },
    });
    if (!record) throw new Error(`The demo story needs the sample ${fileName}: run the seed's import first.`);
    const article = await db.article.findUniqueOrThrow({
      where: { id: record.articleId! },
      select: { sourceLanguage: true, leadImageId: true, versions: { select: { id: true, language: true, status: true, version: true } } },
    });
    const [source, ...others] = article.versions;
    if (others.length > 0 || !source || source.status !== "DRAFT" || source.version !== 1 || article.leadImageId) return null;
    samples[part] = { articleId: record.articleId!, versionId: source.id };
  }
  return samples;
}

async function currentVersion(versionId: string): Promise<number> {
  return (await db.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { version: true } })).version;
}

/** What an editor does in the article editor: change fields and/or the body, then Save. */
async function editVersion(
  versionId: string,
  actor: Actor,
  change: { title?: string; standfirst?: string; datelinePlace?: string; body?: (doc: RichTextDocument) => RichTextDocument },
) {
  const row = await db.articleVersion.findUniqueOrThrow({
    where: { id: versionId },
    select: { version: true, firstPublishedAt: true, ...SNAPSHOT_COLUMNS },
  });
  const title = change.title ?? row.title;
  const outcome = await saveVersionEdits(
    {
      versionId,
      baseVersion: row.version,
      mode: "save",
      title,
      // The slug follows the title until the version is first published, as in the editor.
      slug: row.firstPublishedAt ? row.slug : slugify(title),
      standfirst: change.standfirst ?? row.standfirst,
      datelinePlace: change.datelinePlace ?? row.datelinePlace,
      sourceAgency: row.sourceAgency,
      storyDate: row.storyDate,
      seoDescription: row.seoDescription,
      body: change.body ? change.body(row.bodyJson as RichTextDocument) : row.bodyJson,
    },
    actor,
  );
  if (outcome.status !== "saved") throw new Error(`The demo edit of ${versionId} met a conflict.`);
}

async function transition(versionId: string, actor: Actor, kind: TransitionKind) {
  await transitionVersion(actor, { versionId, version: await currentVersion(versionId), transition: kind });
}

/** Submit (one person), approve (another: four eyes), publish. */
async function sendThroughReview(versionId: string, people: { submitter: Actor; approver: Actor; publisher?: Actor }) {
  await transition(versionId, people.submitter, "submit");
  await transition(versionId, people.approver, "approve");
  if (people.publisher) await transition(versionId, people.publisher, "publish");
}

/** The editor says yes to every suggestion of a tag the taxonomy already has; new names stay pending. */
async function acceptKnownTags(articleId: string, editor: Actor) {
  const suggestions = await db.tagSuggestion.findMany({
    where: { articleId, status: "PENDING", tagId: { not: null } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const suggestion of suggestions) await acceptSuggestion(editor, suggestion.id);
}

type TranslationFile = {
  sample: string;
  language: string;
  title: string;
  standfirst: string | null;
  /** The dateline's place as this language writes it (a translation starts with the source's). */
  datelinePlace?: string;
  blocks: { source: string; translation: string }[];
};

async function readTranslation(sample: string, language: string): Promise<TranslationFile> {
  const file = path.join(import.meta.dirname, "translations", `${sample.replace(/\.txt$/, "")}.${language}.json`);
  return JSON.parse(await readFile(file, "utf8")) as TranslationFile;
}

/**
 * The translator types each paragraph's translation in the side-by-side editor and saves; the
 * file pairs every translation with its source text, so a block is found by what it says.
 */
async function typeTranslation(articleId: string, versionId: string, file: TranslationFile, actor: Actor) {
  const source = await db.articleVersion.findFirstOrThrow({
    where: { articleId, language: { not: file.language } },
    select: { bodyJson: true },
  });
  const byText = new Map(file.blocks.map((block) => [fingerprintText(block.source), block.translation]));
  const contents = new Map<string, Inline>();
  for (const block of sourceBlocks(source.bodyJson)) {
    const translation = byText.get(fingerprintText(block.text));
    if (translation) contents.set(block.blockId, inlineFromText(translation));
  }
  if (contents.size === 0) throw new Error(`seed/translations for ${file.sample} (${file.language}) matches no paragraph of the sample.`);
  await saveTranslation(
    {
      versionId,
      version: await currentVersion(versionId),
      title: file.title,
      standfirst: file.standfirst,
      seoDescription: null,
      edits: { contents, confirmed: new Set(), keepOrphans: new Set() },
    },
    actor,
  );
}

/** Claimed by the translator, translated in full, sent to review, approved and published by editors. */
async function publishTranslation(sample: Sample, fileName: string, language: string, people: Cast) {
  const versionId = await claimTranslation(sample.articleId, language, people.translator);
  const file = await readTranslation(fileName, language);
  await typeTranslation(sample.articleId, versionId, file, people.translator);
  // The translation editor has no dateline field: an editor sets it in the article editor.
  if (file.datelinePlace) await editVersion(versionId, people.editor, { datelinePlace: file.datelinePlace });
  await submitTranslation(versionId, await currentVersion(versionId), people.translator);
  await transition(versionId, people.admin, "approve");
  await transition(versionId, people.editor, "publish");
}

/** Replaces `before` with `after` in the one source paragraph that contains it. */
function correctParagraph(before: string, after: string) {
  return (doc: RichTextDocument): RichTextDocument => {
    let corrected = 0;
    const content = (doc.content ?? []).map((block) => {
      const text = block.content?.[0];
      if (block.type !== "paragraph" || block.content?.length !== 1 || text?.type !== "text" || !text.text?.includes(before)) return block;
      corrected++;
      return { ...block, content: [{ ...text, text: text.text.replace(before, after) }] };
    });
    if (corrected !== 1) throw new Error(`The demo correction expects one paragraph with "${before}", found ${corrected}.`);
    return { ...doc, content };
  };
}

/** Tells the story once; returns false when the samples have already moved on. */
export async function seedDemoStory(now = new Date()): Promise<boolean> {
  const samples = await untouchedSamples();
  if (!samples) return false;
  const people = await cast();
  const { admin, editor, translator } = people;

  // 1. Published in French and English: the online conference of the heads of mission.
  const conference = samples.conference;
  await editVersion(conference.versionId, editor, {
    title: "Diplomatie économique : le ministère réunit en ligne ses 96 ambassadeurs et chefs de représentation",
    standfirst:
      "Le ministre Bui Thanh Son leur a confié cinq tâches pour le second semestre 2021, dont la promotion de la « diplomatie vaccinale ».",
  });
  await acceptKnownTags(conference.articleId, editor);
  await setLeadImage({ articleId: conference.articleId, assetId: await addDemoPhoto("onlineConference", editor) }, editor);
  await sendThroughReview(conference.versionId, { submitter: editor, approver: admin, publisher: editor });
  await publishTranslation(conference, DEMO_SAMPLES.conference, "en", people);

  // 2. Published in French and English, then a typo fixed in the French: the English is now outdated.
  const korea = samples.koreaTalks;
  await acceptKnownTags(korea.articleId, editor);
  await setLeadImage({ articleId: korea.articleId, assetId: await addDemoPhoto("bilateralTalks", editor) }, editor);
  await sendThroughReview(korea.versionId, { submitter: editor, approver: admin, publisher: editor });
  await publishTranslation(korea, DEMO_SAMPLES.koreaTalks, "en", people);
  await editVersion(korea.versionId, editor, { body: correctParagraph("Bui Thanh Son eu eu le 23 juin", "Bui Thanh Son a eu le 23 juin") });

  // 3. Published in English; its French translation is in progress, assigned with a due date.
  const tasks = samples.tasks2024;
  await acceptKnownTags(tasks.articleId, editor);
  await setLeadImage({ articleId: tasks.articleId, assetId: await addDemoPhoto("growthChart", editor) }, editor);
  await sendThroughReview(tasks.versionId, { submitter: editor, approver: admin, publisher: editor });
  const french = await assignTranslation(
    { articleId: tasks.articleId, language: "fr", assigneeId: translator.id, dueAt: new Date(now.getTime() + 2 * 86_400_000) },
    editor,
  );
  await typeTranslation(tasks.articleId, french, await readTranslation(DEMO_SAMPLES.tasks2024, "fr"), translator);

  // 4. Approved and scheduled for later today.
  const outlook = samples.outlook2024;
  await editVersion(outlook.versionId, editor, {
    title: "Diplomatie vietnamienne : les orientations pour 2024 selon le ministre Bui Thanh Son",
    standfirst:
      "À l'approche du Nouvel An 2024, le ministre des Affaires étrangères a présenté à la presse les principales orientations de la diplomatie vietnamienne.",
  });
  await acceptKnownTags(outlook.articleId, editor);
  await setLeadImage({ articleId: outlook.articleId, assetId: await addDemoPhoto("yearAhead", editor) }, editor);
  await sendThroughReview(outlook.versionId, { submitter: editor, approver: admin });
  await scheduleVersion(
    editor,
    { versionId: outlook.versionId, version: await currentVersion(outlook.versionId), scheduledAt: laterToday(now) },
    now,
  );

  // 5. Sent to review by the admin, so it waits for the editor, who has commented on a paragraph
  //    that still has glued words.
  const focuses = samples.focuses2023;
  await editVersion(focuses.versionId, admin, { title: "Economic diplomacy in 2023: the focuses set by the Ministry of Foreign Affairs" });
  await acceptKnownTags(focuses.articleId, admin);
  await transition(focuses.versionId, admin, "submit");
  const glued = sourceBlocks(
    (await db.articleVersion.findUniqueOrThrow({ where: { id: focuses.versionId }, select: { bodyJson: true } })).bodyJson,
  ).find((block) => block.text.includes("concretiserelevant"));
  await addComment(editor, {
    versionId: focuses.versionId,
    body: "Before I approve: some words are still glued together from the wire (“concretiserelevant”, “TWon”, and further down “lastyear”, “newsituation”, “keyleaders”), and the story date is empty. Please fix these first.",
    anchorBlockId: glued?.blockId ?? null,
    anchorQuote: glued ? "concretiserelevant" : null,
  });

  // The desk's draft is story 3's French translation, which the translator is still writing.
  return true;
}
