// The one expected refusal every service throws and the import pipeline returns: a code from the
// table below (each code is a message key in messages/{fr,en}) with its interpolation values.
// Pure (no server imports): pages, client components, workers and the CLI may import it.

/**
 * Every refusal code and the parameters its message interpolates. test/refusal-codes.test.ts fails
 * when a code has no text in a catalogue, or a text asks for a parameter not listed here.
 */
const REFUSAL_CODES = {
  "errors.forbidden": [],
  "errors.email.taken": [],
  "errors.user.notOwnAccount": [],
  "errors.apiKey.notActive": [],
  "errors.webhook.stillPending": [],
  "errors.preview.versionNotFound": [],
  "errors.preview.notActive": [],
  "errors.password.currentWrong": [],
  "errors.session.notFound": [],
  "errors.import.notFound": [],
  "errors.import.alreadyReviewed": [],
  "errors.import.duplicate": [],
  "errors.import.languageUnknown": [],
  "errors.import.unconfirmedLoss": ["count"],
  "errors.import.agencyKnown": ["form"],

  "import.refused.tooLarge": ["limit"],
  "import.refused.unpacksTooLarge": ["limit"],
  "import.refused.empty": [],
  "import.refused.blank": [],
  "import.refused.binary": ["format"],
  "import.refused.nulBytes": [],
  "import.refused.controlChars": ["count"],
  "import.refused.onlyTrailer": [],
  "import.refused.noBody": [],
  "import.refused.noParagraphs": [],
  "import.refused.noWords": [],
  "import.refused.tooSlow": ["seconds"],
  "import.refused.crashed": ["cause"],
  "import.refused.notSaved": ["cause"],
  "import.refused.unreadable": ["format"],
  "import.refused.emptyMail": [],

  "editor.errors.staleVersion": [],
  "editor.errors.slugTaken": [],
  "editor.errors.slugInvalid": [],
  "editor.errors.restoreSlugTaken": [],
  "editor.errors.bodyInvalid": [],
  "editor.errors.notFound": [],
  "editor.errors.revisionNotFound": [],
  "editor.errors.revisionUnreadable": [],
  "editor.errors.staleRestore": [],

  "workflow.errors.notFound": [],
  "workflow.errors.staleVersion": [],
  "workflow.errors.wrongState": [],
  "workflow.errors.forbidden": [],
  "workflow.errors.fourEyes": [],
  "workflow.errors.translationsOnly": [],
  "workflow.errors.noteRequired": [],
  "workflow.errors.scheduleInPast": [],
  "workflow.errors.embargoInPast": [],
  "workflow.errors.embargoOnPublic": [],
  "workflow.errors.notPublished": [],
  "workflow.errors.alreadyResolved": [],
  "workflow.errors.notResolved": [],
  "workflow.bulk.tagRequired": [],

  "translations.errors.notFound": [],
  "translations.errors.noSource": [],
  "translations.errors.notATranslation": [],
  "translations.errors.sourceReadOnly": [],
  "translations.errors.claimedByOther": [],
  "translations.errors.notClaimable": [],
  "translations.errors.notYours": [],
  "translations.errors.notEditable": [],
  "translations.errors.notSubmittable": [],
  "translations.errors.staleVersion": [],
  "translations.errors.invalidBody": [],
  "translations.errors.titleRequired": [],
  "translations.errors.unfinished": [],
  "translations.errors.forbidden": [],
  "translations.errors.assigneeInvalid": [],
  "translations.errors.termExists": [],
  "translations.errors.termNotFound": [],
  "translations.errors.pairingGone": [],
  "translations.errors.languageTaken": [],
  "translations.errors.xliff.tooLarge": [],
  "translations.errors.xliff.doctype": [],
  "translations.errors.xliff.malformed": [],
  "translations.errors.xliff.notXliff": [],
  "translations.errors.xliff.markup": [],
  "translations.errors.xliff.otherArticle": [],
  "translations.errors.xliff.otherLanguages": [],
  "translations.errors.xliff.otherSourceVersion": [],
  "translations.errors.xliff.unitMismatch": [],

  "tags.errors.typeRequired": [],
  "tags.errors.duplicateLabel": [],
  "tags.errors.mergeIntoItself": [],
  "tags.errors.notFound": [],
  "tags.errors.alreadyMerged": [],
  "tags.errors.alreadyDecided": [],
  "tags.errors.notTagged": [],
  "tags.errors.articleNotFound": [],

  "media.errors.empty": [],
  "media.errors.tooLarge": [],
  "media.errors.tooManyPixels": [],
  "media.errors.svg": [],
  "media.errors.executable": [],
  "media.errors.unsupportedImage": [],
  "media.errors.notImage": [],
  "media.errors.corrupt": [],
  "media.errors.notFound": [],
  "media.errors.articleNotFound": [],
  "media.errors.stale": [],
  "media.errors.inUse": [],
  "media.errors.altMissing": [],

  "ingest.errors.badUrl": ["url"],
  "ingest.errors.badScheme": ["scheme"],
  "ingest.errors.blockedAddress": ["host"],
  "ingest.errors.tooManyRedirects": ["limit"],
  "ingest.errors.tooLarge": ["limit"],
  "ingest.errors.timeout": ["seconds"],
  "ingest.errors.unreachable": ["host"],
  "ingest.errors.httpStatus": ["status"],
  "ingest.errors.notAFeed": [],
  "ingest.errors.invalidXml": [],
  "ingest.errors.noArticle": [],
  "ingest.errors.secretKeyMissing": [],
  "ingest.errors.notFound": [],
  "ingest.errors.internalAdminOnly": [],
  "ingest.errors.unknownTag": ["tag"],
  "ingest.errors.folderOutsideRoot": ["path"],
  "ingest.errors.folderUnreadable": ["path"],
  "ingest.errors.mailboxLogin": ["user"],
  "ingest.errors.mailboxUnreachable": ["host"],
  "ingest.errors.mailboxFolder": ["folder"],
  "ingest.errors.mailCharset": ["charset"],
  "ingest.errors.mailUnreadable": [],
  "ingest.errors.crashed": ["cause"],
} as const satisfies Record<string, readonly string[]>;

export type RefusalCode = keyof typeof REFUSAL_CODES;

/** The names a code's message interpolates. */
type ParamName<C extends RefusalCode> = (typeof REFUSAL_CODES)[C][number];

export type RefusalParams = Record<string, string | number>;

/** A refusal as data: what the import pipeline returns and what crosses a worker or a process. */
export type RefusalReason<C extends RefusalCode = RefusalCode> = { code: C; params?: RefusalParams };

/** Params are required exactly when the code's message interpolates some. */
type ParamsOption<C extends RefusalCode> = [ParamName<C>] extends [never]
  ? { params?: undefined }
  : { params: Record<ParamName<C>, string | number> };

export type RefusalOptions<C extends RefusalCode> = ParamsOption<C> & {
  /** The form field the refusal belongs to: shown next to it rather than for the whole form. */
  field?: string;
  /** Handed back to the caller with the refusal (e.g. the newer text behind a stale save). */
  data?: unknown;
};

type OptionsArgument<C extends RefusalCode> = [ParamName<C>] extends [never] ? [options?: RefusalOptions<C>] : [options: RefusalOptions<C>];

/** An expected refusal: nothing was written; defineAction shows it in the person's language. */
export class Refusal<C extends RefusalCode = RefusalCode> extends Error {
  readonly code: C;
  readonly params?: RefusalParams;
  readonly field?: string;
  readonly data?: unknown;

  constructor(code: C, ...[options]: OptionsArgument<C>) {
    super(code);
    this.name = "Refusal";
    this.code = code;
    this.params = options?.params;
    this.field = options?.field;
    this.data = options?.data;
  }

  /** A refusal the pipeline returned as data, thrown where a service meets it. */
  static from(reason: RefusalReason, options: { field?: string; data?: unknown } = {}): Refusal {
    // The code arrives as data, so its params are checked by the test of the catalogues, not here.
    return new Refusal(reason.code, { ...options, params: reason.params } as RefusalOptions<RefusalCode>);
  }

  get reason(): RefusalReason {
    return this.params ? { code: this.code, params: this.params } : { code: this.code };
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}

/**
 * A refusal read back from a JSON column (an ingest source's last error, an item's error): the
 * reason when its code is one of ours and its params are plain values, else null (a code renamed
 * since it was stored; the row's technical detail still says what happened).
 */
export function storedRefusal(value: unknown): RefusalReason | null {
  if (typeof value !== "object" || value === null || !("code" in value)) return null;
  const { code, params } = value as { code: unknown; params?: unknown };
  if (typeof code !== "string" || !Object.hasOwn(REFUSAL_CODES, code)) return null;
  if (params === undefined) return { code: code as RefusalCode };
  if (typeof params !== "object" || params === null) return null;
  if (!Object.values(params).every((param) => typeof param === "string" || typeof param === "number")) return null;
  return { code: code as RefusalCode, params: params as RefusalParams };
}

export function refusalCodes(): { code: RefusalCode; params: readonly string[] }[] {
  return Object.entries(REFUSAL_CODES).map(([code, params]) => ({ code: code as RefusalCode, params }));
}

/** Any translator that takes a full message key and its values (next-intl's, use-intl's). */
export type MessageTranslator = (key: string, values?: RefusalParams) => string;

export function refusalText(reason: RefusalReason, translate: MessageTranslator): string {
  return translate(reason.code, reason.params);
}
