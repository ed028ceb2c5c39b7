// Zod schemas of the media forms (messages are keys in messages/*/media.json).
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";

const id = z.string().min(1).max(64);
const optionalText = (max: number) =>
  z
    .string()
    .max(max, "media.errors.tooLong")
    .optional()
    .transform((value) => value?.trim() || null);
const text = (max: number) =>
  z
    .string()
    .max(max, "media.errors.tooLong")
    .optional()
    .transform((value) => value?.trim() ?? "");

export const mediaUploadSchema = z.object({ file: z.instanceof(File, { message: "media.errors.fileMissing" }) });

export const mediaDetailsSchema = z.object({
  assetId: id,
  updatedAt: z.iso.datetime().transform((value) => new Date(value)),
  credit: optionalText(200),
  source: optionalText(200),
  takenAt: z
    .union([z.literal(""), z.iso.date("media.errors.dateInvalid")])
    .optional()
    .transform((value) => (value ? new Date(`${value}T00:00:00Z`) : null)),
  altFr: text(500),
  captionFr: text(1000),
  altEn: text(500),
  captionEn: text(1000),
});

export const mediaDeleteSchema = z.object({ assetId: id });

export const leadImageSchema = z.object({
  articleId: id,
  assetId: z
    .string()
    .max(64)
    .optional()
    .transform((value) => value || null),
});

/** The editor's photo search for a figure: words of a caption, alt text or credit (empty: recent photos). */
export const photoSearchSchema = z.object({
  query: z
    .string()
    .max(200, "media.errors.tooLong")
    .optional()
    .transform((value) => value?.trim() ?? ""),
  language: z.enum(LANGUAGES, "media.errors.languageInvalid"),
});

export const captionMatchSchema = z.object({
  assetId: id,
  language: z.enum(LANGUAGES, "media.errors.languageInvalid"),
  caption: z.string().trim().min(1, "media.errors.captionRequired").max(1000, "media.errors.tooLong"),
  credit: optionalText(200),
});
