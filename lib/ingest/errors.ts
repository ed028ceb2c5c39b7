// What goes wrong while ingesting, as a refusal (a code with its params, shown in the reader's
// language) plus the technical detail behind it (the network's or the parser's own words).
import { Refusal, type RefusalCode, type RefusalParams, type RefusalReason } from "@/lib/refusal";

export class IngestError extends Refusal {
  readonly detail?: string;

  constructor(code: RefusalCode, params?: RefusalParams, detail?: string) {
    // The code arrives with its params as data (as Refusal.from): the catalogue test checks them.
    super(code, (params ? { params } : {}) as never);
    this.detail = detail;
  }
}

/** Any error as a stored refusal and detail: expected refusals as they are, anything else as crashed. */
export function describeError(error: unknown): { reason: RefusalReason; detail: string | null } {
  if (error instanceof IngestError) return { reason: error.reason, detail: error.detail ?? null };
  if (error instanceof Refusal) return { reason: error.reason, detail: null };
  const message = error instanceof Error ? error.message : String(error);
  return { reason: { code: "ingest.errors.crashed", params: { cause: message.slice(0, 200) } }, detail: message.slice(0, 2000) };
}
