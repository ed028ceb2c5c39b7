// Validation of the tag forms (management and tagging). Messages are keys in messages/*/tags.json.
import { z } from "zod";
import { TagType } from "@/lib/generated/prisma/enums";
import { cleanLabel } from "./normalize";

export const TAG_TYPES = Object.values(TagType) as [TagType, ...TagType[]];

const id = z.string().min(1).max(64);
const tagType = z.enum(TAG_TYPES, { message: "tags.errors.typeRequired" });
const label = z
  .string()
  .transform(cleanLabel)
  .pipe(z.string().min(1, { message: "tags.errors.labelRequired" }).max(160, { message: "tags.errors.labelTooLong" }));
const description = z
  .string()
  .max(2000, { message: "tags.errors.descriptionTooLong" })
  .optional()
  .transform((value) => (value ? value.trim() || null : null));
/** One alias a line; blank lines and repeats are dropped later. */
const aliases = z
  .string()
  .max(5000, { message: "tags.errors.aliasesTooLong" })
  .optional()
  .transform((value) => (value ?? "").split(/\r?\n/).map(cleanLabel).filter(Boolean))
  .pipe(z.array(z.string().max(160, { message: "tags.errors.labelTooLong" })).max(50, { message: "tags.errors.aliasesTooLong" }));

export const tagFieldsSchema = z.object({
  type: tagType,
  labelFr: label,
  labelEn: label,
  descriptionFr: description,
  descriptionEn: description,
  aliases,
});
export type TagFields = z.infer<typeof tagFieldsSchema>;

export const tagCreateSchema = tagFieldsSchema;
export const tagUpdateSchema = tagFieldsSchema.extend({ tagId: id });
export const tagMergeSchema = z.object({ tagId: id, targetId: z.string().min(1, { message: "tags.errors.targetRequired" }).max(64) });
export const tagDeleteSchema = z
  .object({ tagId: id, mode: z.enum(["remove", "reassign"]), reassignTo: z.string().max(64).optional() })
  .refine((input) => input.mode === "remove" || Boolean(input.reassignTo), { message: "tags.errors.targetRequired", path: ["reassignTo"] });
export const articleTagSchema = z.object({ articleId: id, tagId: id });
export const tagSearchSchema = z.object({ q: z.string().max(160).transform(cleanLabel) });
/** Asks for every tag as a choice: nothing to send. */
export const tagChoicesSchema = z.object({});
export const suggestionDecisionSchema = z.object({ suggestionId: id });
export const suggestionAcceptSchema = z.object({
  suggestionId: id,
  type: tagType.optional(),
  labelFr: label.optional(),
  labelEn: label.optional(),
});
export const articleScanSchema = z.object({ articleId: id });
