// The desk's browser-tab titles: each page's name from the "titles" message catalogue in the
// person's language; app/admin/layout.tsx appends " · Desk CMS" through its title template.
import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Permission } from "@/lib/auth/permissions";
import { requireUser, userCan } from "@/lib/auth/session";
import { db } from "@/lib/db";

type Values = Record<string, string>;

/** The admin layout's title: pages below it read "<page> · Desk CMS". */
export async function deskTitleTemplate(): Promise<Metadata["title"]> {
  const t = await getTranslations("common");
  return { template: `%s · ${t("adminName")}`, default: t("adminName") };
}

/** The dashboard shares the layout's route segment, which Next's template does not reach: it spells the whole title. */
export async function dashboardTitle(): Promise<Metadata> {
  const [t, common] = await Promise.all([getTranslations("titles"), getTranslations("common")]);
  return { title: { absolute: `${t("dashboard")} · ${common("adminName")}` } };
}

/** Metadata naming a desk page, e.g. deskTitle("articleEdit", { title }) -> "<title> · Edit". */
export async function deskTitle(key: string, values?: Values): Promise<Metadata> {
  const t = await getTranslations("titles");
  return { title: t(key, values) };
}

/**
 * The title naming a page's subject (an article, a tag, a file) for someone the page would show it
 * to; anyone else, or a subject that does not exist, gets the section's title (`fallback`).
 */
export async function subjectTitle(
  permission: Permission,
  load: () => Promise<Values | null>,
  key: string,
  fallback: string,
): Promise<Metadata> {
  const user = await requireUser();
  const values = userCan(user, permission) ? await load() : null;
  return values ? deskTitle(key, values) : deskTitle(fallback);
}

/** An article's title in its source language (the one the desk knows it by). */
export async function articleTitle(articleId: string): Promise<Values | null> {
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { sourceLanguage: true, versions: { select: { language: true, title: true } } },
  });
  if (!article) return null;
  const version = article.versions.find((candidate) => candidate.language === article.sourceLanguage) ?? article.versions[0];
  return version ? { title: version.title } : null;
}

/** The title of one language version of an article. */
export async function versionTitle(versionId: string): Promise<Values | null> {
  const version = await db.articleVersion.findUnique({ where: { id: versionId }, select: { title: true } });
  return version ? { title: version.title } : null;
}
