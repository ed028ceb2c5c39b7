"use server";
// The taxonomy's server actions: manage tags (tag.manage), tag articles and decide suggestions
// (tag.assign). Each goes through the permission wrapper, then the service, which checks again.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { defineAction } from "@/lib/action";
import { listTagChoices } from "@/lib/articles/queries";
import { Refusal } from "@/lib/refusal";
import { searchTags } from "./queries";
import {
  articleScanSchema,
  articleTagSchema,
  suggestionAcceptSchema,
  suggestionDecisionSchema,
  tagChoicesSchema,
  tagCreateSchema,
  tagDeleteSchema,
  tagMergeSchema,
  tagSearchSchema,
  tagUpdateSchema,
} from "./schema";
import {
  acceptSuggestion,
  createTag as insertTag,
  deleteTag as removeTag,
  dismissSuggestion as dismiss,
  mergeTags,
  tagArticles,
  untagArticle,
  updateTag as saveTag,
} from "./service";
import { suggestTagsForArticle } from "./suggest";

/** Admin pages showing tags (the list, a tag, an article's panel wherever it is rendered). */
function refreshAdmin() {
  revalidatePath("/admin", "layout");
}

export const createTag = defineAction({
  permission: "tag.manage",
  schema: tagCreateSchema,
  async run(fields, { user, ip }) {
    await insertTag({ ...user, ip }, fields);
    refreshAdmin();
    return "tags.done.created";
  },
});

export const updateTag = defineAction({
  permission: "tag.manage",
  schema: tagUpdateSchema,
  async run({ tagId, ...fields }, { user, ip }) {
    await saveTag({ ...user, ip }, tagId, fields);
    refreshAdmin();
    return "tags.done.updated";
  },
});

export const mergeTag = defineAction({
  permission: "tag.manage",
  schema: tagMergeSchema,
  async run({ tagId, targetId }, { user, ip }) {
    await mergeTags({ ...user, ip }, tagId, targetId);
    refreshAdmin();
    redirect(`/admin/tags/${targetId}?merged=1`);
  },
});

export const deleteTag = defineAction({
  permission: "tag.manage",
  schema: tagDeleteSchema,
  async run({ tagId, mode, reassignTo }, { user, ip }) {
    await removeTag({ ...user, ip }, tagId, { reassignTo: mode === "reassign" ? reassignTo : null });
    refreshAdmin();
    redirect("/admin/tags?deleted=1");
  },
});

/** The tag picker's search: a read, but behind the same permission as tagging. */
export const findTags = defineAction({
  permission: "tag.assign",
  schema: tagSearchSchema,
  async run({ q }) {
    return { data: await searchTags(q) };
  },
});

/** Every tag as a choice in the person's language, for the article list's bulk bar: fetched when the
 * bar opens instead of rendered (and sent again as props) into every list page. */
export const listBulkTagChoices = defineAction({
  permission: "tag.assign",
  schema: tagChoicesSchema,
  async run() {
    return { data: await listTagChoices(await getLocale()) };
  },
});

export const addArticleTag = defineAction({
  permission: "tag.assign",
  schema: articleTagSchema,
  async run({ articleId, tagId }, { user, ip }) {
    const { refused } = await tagArticles({ ...user, ip }, [articleId], tagId);
    if (refused.length > 0) throw new Refusal("tags.errors.articleNotFound");
    refreshAdmin();
    return "tags.done.tagged";
  },
});

export const removeArticleTag = defineAction({
  permission: "tag.assign",
  schema: articleTagSchema,
  async run({ articleId, tagId }, { user, ip }) {
    await untagArticle({ ...user, ip }, articleId, tagId);
    refreshAdmin();
    return "tags.done.untagged";
  },
});

export const acceptTagSuggestion = defineAction({
  permission: "tag.assign",
  schema: suggestionAcceptSchema,
  async run({ suggestionId, ...choices }, { user, ip }) {
    await acceptSuggestion({ ...user, ip }, suggestionId, choices);
    refreshAdmin();
    return "tags.done.accepted";
  },
});

export const dismissTagSuggestion = defineAction({
  permission: "tag.assign",
  schema: suggestionDecisionSchema,
  async run({ suggestionId }, { user, ip }) {
    await dismiss({ ...user, ip }, suggestionId);
    refreshAdmin();
    return "tags.done.dismissed";
  },
});

export const scanArticleForTags = defineAction({
  permission: "tag.assign",
  schema: articleScanSchema,
  async run({ articleId }) {
    await suggestTagsForArticle(articleId);
    refreshAdmin();
    return "tags.done.scanned";
  },
});
