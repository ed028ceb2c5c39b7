// Data for the taxonomy's integration tests: users, stories and unique names, so test files
// running in parallel on one database never see each other's rows.
import { randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { Role, VersionStatus } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/languages";
import type { TagActor } from "./service";
import type { TagFields } from "./schema";

/** A capitalised word of letters only, unknown anywhere else (`Qzxwrtplmk`). */
export function uniqueName(prefix = "Qz"): string {
  return prefix + Array.from({ length: 8 }, () => String.fromCharCode(97 + randomInt(26))).join("");
}

export async function createActor(role: Role): Promise<TagActor> {
  const user = await db.user.create({
    data: { email: `tags-${randomUUID()}@desk.test`, name: `Tags ${role}`, role, passwordHash: "unused" },
    select: { id: true, role: true },
  });
  return { id: user.id, role: user.role };
}

export function tagFields(overrides: Partial<TagFields> & Pick<TagFields, "labelFr" | "labelEn">): TagFields {
  return { type: "TOPIC", descriptionFr: null, descriptionEn: null, aliases: [], ...overrides };
}

export async function createArticle(options: { language?: Language; title: string; body?: string; status?: VersionStatus }) {
  const language = options.language ?? "fr";
  const status = options.status ?? "DRAFT";
  const article = await db.article.create({
    data: {
      sourceLanguage: language,
      versions: {
        create: {
          language,
          status,
          title: options.title,
          slug: `tags-${randomUUID()}`,
          bodyJson: { type: "doc", content: [] },
          bodyText: options.body ?? "",
          publishedAt: status === "PUBLISHED" ? new Date(Date.now() - 60_000) : null,
        },
      },
    },
    select: { id: true, versions: { select: { slug: true } } },
  });
  return { id: article.id, slug: article.versions[0]!.slug };
}
