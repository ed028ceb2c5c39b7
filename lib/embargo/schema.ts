// What the embargo form sends (FormData): a wall-clock time with the browser's offset, as the
// schedule form does (lib/workflow/schema.ts), or an empty time to clear the embargo.
import { z } from "zod";
import { timezoneOffsetSchema, versionRefSchema, wallClockToDate } from "@/lib/workflow/schema";

export const embargoSetSchema = versionRefSchema
  .extend({ embargoedUntil: z.string().min(1, "workflow.errors.embargoRequired").max(40), timezoneOffset: timezoneOffsetSchema })
  .transform((input, context) => {
    const when = wallClockToDate(input.embargoedUntil, input.timezoneOffset);
    if (!when) {
      context.addIssue({ code: "custom", message: "workflow.errors.scheduleInvalid", path: ["embargoedUntil"] });
      return z.NEVER;
    }
    return { versionId: input.versionId, version: input.version, embargoedUntil: when };
  });
