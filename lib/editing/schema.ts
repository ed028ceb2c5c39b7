// Validation of what the article editor sends. Messages are keys in messages/*/editor.json.
import { z } from "zod";
import { MAX_BODY_JSON_LENGTH, SEO_DESCRIPTION_MAX, storyDatePrecision } from "./fields";

const id = z.string().min(1).max(64);
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, { message: tooLong })
    .transform((value) => (value === "" ? null : value))
    .optional()
    .transform((value) => value ?? null);

/** A JSON document sent as a form field; the body itself is validated later against the editor's schema. */
const jsonField = (invalid: string, tooLarge: string) =>
  z
    .string()
    .max(MAX_BODY_JSON_LENGTH, { message: tooLarge })
    .transform((value, context): unknown => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: invalid });
        return z.NEVER;
      }
    });

export const versionFieldsSchema = z.object({
  title: z.string().trim().min(1, { message: "editor.errors.titleRequired" }).max(300, { message: "editor.errors.titleTooLong" }),
  slug: z.string().trim().min(1, { message: "editor.errors.slugInvalid" }).max(80, { message: "editor.errors.slugInvalid" }),
  standfirst: optionalText(1000, "editor.errors.standfirstTooLong"),
  datelinePlace: optionalText(120, "editor.errors.fieldTooLong"),
  sourceAgency: optionalText(120, "editor.errors.fieldTooLong"),
  storyDate: optionalText(10, "editor.errors.dateInvalid").refine((value) => value === null || storyDatePrecision(value) !== null, {
    message: "editor.errors.dateInvalid",
  }),
  seoDescription: optionalText(SEO_DESCRIPTION_MAX, "editor.errors.seoTooLong"),
  body: jsonField("editor.errors.bodyInvalid", "editor.errors.bodyTooLarge"),
});

export const versionSaveSchema = versionFieldsSchema.extend({
  versionId: id,
  baseVersion: z.coerce.number().int().min(1),
  /** autosave may fold into the last revision; save and overwrite always make their own. */
  mode: z.enum(["autosave", "save", "overwrite"]),
  /** The fields as the editor loaded them (at baseVersion), to explain a conflict. */
  base: jsonField("editor.errors.bodyInvalid", "editor.errors.bodyTooLarge").optional(),
});

export type VersionSaveInput = z.infer<typeof versionSaveSchema>;

export const revisionRestoreSchema = z.object({ revisionId: id, baseVersion: z.coerce.number().int().min(1) });

export const presenceSchema = z.object({ versionId: id });
