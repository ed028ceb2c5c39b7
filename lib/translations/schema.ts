// Zod schemas of the translation forms (FormData in, typed input out). Message keys are fully
// qualified in the `translations` namespace.
import { z } from "zod";
import { QUEUE_STATES } from "./queue";

const id = z.string().min(1).max(64);
const language = z.string().regex(/^[a-z]{2,3}$/, { message: "translations.errors.languageInvalid" });
const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: "translations.errors.tooLong" })
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : null));

/** A JSON-encoded field of the side-by-side editor, checked for shape. */
const jsonField = <T extends z.ZodType>(shape: T) =>
  z
    .string()
    .max(4_000_000)
    .default("[]")
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "translations.errors.invalidBody" });
        return z.NEVER;
      }
    })
    .pipe(shape);

export const translationTaskSchema = z.object({ articleId: id, language });

export const translationAssignSchema = z.object({
  articleId: id,
  language,
  assigneeId: z
    .string()
    .max(64)
    .optional()
    .transform((value) => value || null),
  dueAt: z
    .string()
    .optional()
    .transform((value) => (value ? new Date(value) : null))
    .refine((value) => value === null || !Number.isNaN(value.getTime()), { message: "translations.errors.dueInvalid" }),
});

export const translationVersionSchema = z.object({ versionId: id, version: z.coerce.number().int().min(1) });

/**
 * A paragraph's content as the browser's editor sends it: text runs with bold, italic or link
 * marks and hard breaks, nothing else (unknown keys are dropped); the body they build is then
 * validated against the editor's schema, links included, before anything is stored.
 */
const inlineMark = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }),
  z.object({ type: z.literal("italic") }),
  z.object({ type: z.literal("link"), attrs: z.object({ href: z.string().max(2000) }) }),
]);
const inlineNode = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), text: z.string().min(1).max(100_000), marks: z.array(inlineMark).max(3).optional() }),
  z.object({ type: z.literal("hardBreak") }),
]);

export const translationSaveSchema = translationVersionSchema.extend({
  title: z.string().max(300, { message: "translations.errors.tooLong" }).default(""),
  standfirst: optionalText(2000),
  seoDescription: optionalText(300),
  blocks: jsonField(z.array(z.object({ sourceBlockId: id, content: z.array(inlineNode).max(10_000) })).max(5000)),
  confirmed: jsonField(z.array(id).max(5000)),
  keepOrphans: jsonField(z.array(id).max(5000)),
});

/** A pending update of a published translation: saved like a translation, named by its own id. */
export const translationUpdateSaveSchema = translationSaveSchema.omit({ versionId: true }).extend({ updateId: id });
export const translationUpdateStartSchema = z.object({ versionId: id });
export const translationUpdateStepSchema = z.object({
  updateId: id,
  version: z.coerce.number().int().min(1),
  note: z.string().max(2000, { message: "translations.errors.tooLong" }).optional(),
});

export const xliffImportSchema = translationVersionSchema.extend({
  file: z.instanceof(File, { message: "translations.errors.fileMissing" }),
});

export const glossaryTermSchema = z.object({
  termFr: z.string().trim().min(1, { message: "translations.errors.termRequired" }).max(200, { message: "translations.errors.tooLong" }),
  termEn: z.string().trim().min(1, { message: "translations.errors.termRequired" }).max(200, { message: "translations.errors.tooLong" }),
  note: optionalText(500),
});

export const glossaryTermUpdateSchema = glossaryTermSchema.extend({ id });
export const idSchema = z.object({ id });

export const queueFilterSchema = z.object({
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .catch(undefined),
  state: z.enum(QUEUE_STATES).optional().catch(undefined),
  mine: z.literal("1").optional().catch(undefined),
});

/** The per-paragraph edits a translation form sends, as the alignment builds the target from them. */
export function editsFromForm(input: Pick<z.infer<typeof translationSaveSchema>, "blocks" | "confirmed" | "keepOrphans">) {
  return {
    contents: new Map(input.blocks.map((block) => [block.sourceBlockId, block.content])),
    confirmed: new Set(input.confirmed),
    keepOrphans: new Set(input.keepOrphans),
  };
}
