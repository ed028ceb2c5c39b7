// Data makers for the media tests: users, stories and photos with unique names, so test files
// running in parallel on one database never see each other's rows.
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { db } from "@/lib/db";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";
import { documentFromParagraphs } from "@/lib/rich-text/document";

export const unique = (prefix = "m") => `${prefix}${randomUUID().replace(/-/g, "").slice(0, 12)}`;

export async function makeMediaUser(role: Role = "EDITOR") {
  const tag = unique(role.toLowerCase());
  return db.user.create({
    data: { email: `${tag}@desk.test`, name: `Media ${tag}`, role, passwordHash: "not-a-real-hash" },
    select: { id: true, role: true },
  });
}

export async function makeStory(languages: { language: string; status?: VersionStatus; body?: unknown }[]) {
  return db.article.create({
    data: {
      sourceLanguage: languages[0]!.language,
      versions: {
        create: languages.map(({ language, status, body }) => ({
          language,
          status: status ?? "DRAFT",
          title: `Story ${unique()}`,
          slug: `${unique("s")}-${language}`,
          bodyJson: (body ?? documentFromParagraphs(["Body."])) as object,
          bodyText: "Body.",
          publishedAt: status === "PUBLISHED" ? new Date() : null,
        })),
      },
    },
    select: { id: true, versions: { select: { id: true, language: true } } },
  });
}

/** A small JPEG whose bytes differ on every call (the colour is random), so sha256 never collides. */
export async function makePhoto(width = 900, height = 600): Promise<Buffer> {
  const channel = () => Math.floor(Math.random() * 256);
  return sharp({ create: { width, height, channels: 3, background: { r: channel(), g: channel(), b: channel() } } })
    .composite([
      {
        input: Buffer.from(`<svg width="${width}" height="${height}"><text x="10" y="40" font-size="30">${unique()}</text></svg>`),
        left: 0,
        top: 0,
      },
    ])
    .jpeg()
    .toBuffer();
}
