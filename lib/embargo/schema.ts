// What the embargo form sends (FormData): a wall-clock time with the browser's offset, as the
// schedule form does (lib/workflow/schema.ts), or an empty time to clear the embargo.
import { z } from "zod";
import { versionRefSchema, wallClockToDate } from "@/lib/workflow/schema";

const offset = z
  .string()
  .optional()
  .transform((raw) => (raw && /^-?\d{1,4}$/.test(raw) && Math.abs(Number(raw)) <= 14 * 60 ? Number(raw) : undefined));

export const embargoSetSchema = versionRefSchema
  .extend({ embargoedUntil: z.string().min(1, "workflow.errors.embargoRequired").max(40), timezoneOffset: offset })
  .transform((input, context) => {
    const when = wallClockToDate(input.embargoedUntil, input.timezoneOffset);
    if (!when) {
      context.addIssue({ code: "custom", message: "workflow.errors.scheduleInvalid", path: ["embargoedUntil"] });
      return z.NEVER;
    }
    return { versionId: input.versionId, version: input.version, embargoedUntil: when };
  });
