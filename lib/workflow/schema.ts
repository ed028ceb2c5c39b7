// What the workflow forms send, as zod schemas (numbers and dates arrive as strings in FormData).
import { z } from "zod";

const id = z.string().min(1).max(64);

export const versionRefSchema = z.object({
  versionId: id,
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const returnToDraftSchema = versionRefSchema.extend({
  note: z.string().trim().min(1, "workflow.errors.noteRequired").max(2000, "workflow.errors.tooLong"),
});

/**
 * A `datetime-local` value is wall-clock time without a zone; the form adds the browser's offset
 * for that moment (minutes, as Date#getTimezoneOffset gives it). Without it, the server's zone.
 */
export function wallClockToDate(local: string, offsetMinutes: number | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const date =
    offsetMinutes === undefined ? new Date(y, mo - 1, d, h, mi, s) : new Date(Date.UTC(y, mo - 1, d, h, mi, s) + offsetMinutes * 60_000);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The browser's zone offset in minutes (Date#getTimezoneOffset), beside a wall-clock time; ignored when odd. */
export const timezoneOffsetSchema = z
  .string()
  .optional()
  .transform((raw) => (raw && /^-?\d{1,4}$/.test(raw) && Math.abs(Number(raw)) <= 14 * 60 ? Number(raw) : undefined));

export const scheduleSchema = versionRefSchema
  .extend({ scheduledAt: z.string().min(1, "workflow.errors.scheduleRequired").max(40), timezoneOffset: timezoneOffsetSchema })
  .transform((input, context) => {
    const when = wallClockToDate(input.scheduledAt, input.timezoneOffset);
    if (!when) {
      context.addIssue({ code: "custom", message: "workflow.errors.scheduleInvalid", path: ["scheduledAt"] });
      return z.NEVER;
    }
    return { versionId: input.versionId, version: input.version, scheduledAt: when };
  });

const textOffset = (max: number) =>
  z
    .union([z.literal(""), z.coerce.number().int().min(0).max(max)])
    .optional()
    .transform((value) => (value === "" || value === undefined ? null : value));

/**
 * A comment, a reply (`parentId`) or a comment on a passage chosen in an editor: the block's id,
 * offsets in its text and the quote come from the selection, never from a field a person fills in.
 * The body is plain text; nothing here is HTML.
 */
export const commentSchema = z
  .object({
    versionId: id,
    body: z.string().trim().min(1, "workflow.errors.commentRequired").max(5000, "workflow.errors.tooLong"),
    parentId: id.optional().or(z.literal("")),
    anchorBlockId: z.string().trim().max(64).optional(),
    anchorFrom: textOffset(1_000_000),
    anchorTo: textOffset(1_000_000),
    // Not trimmed: the offsets count its spaces.
    anchorQuote: z.string().max(500, "workflow.errors.tooLong").optional(),
  })
  .transform((input) => ({
    ...input,
    parentId: input.parentId || null,
    anchorQuote: input.anchorQuote?.trim() ? input.anchorQuote : null,
  }));

export const resolveCommentSchema = z.object({ commentId: id });

export const correctionSchema = z
  .object({
    versionId: id,
    body: z.string().trim().min(1, "workflow.errors.correctionRequired").max(5000, "workflow.errors.tooLong"),
    correctedAt: z.string().max(40).optional(),
    timezoneOffset: timezoneOffsetSchema,
  })
  .transform((input, context) => {
    if (!input.correctedAt) return { versionId: input.versionId, body: input.body, correctedAt: null };
    const when = wallClockToDate(input.correctedAt, input.timezoneOffset);
    if (!when) {
      context.addIssue({ code: "custom", message: "workflow.errors.dateInvalid", path: ["correctedAt"] });
      return z.NEVER;
    }
    return { versionId: input.versionId, body: input.body, correctedAt: when };
  });
