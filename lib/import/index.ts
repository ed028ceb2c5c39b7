// Wire-text import: raw bytes of a wire article in, a structured, cleaned article out, with
// every cleaning change recorded (and individually revertible) and fingerprints for dedup.
import { withAgencyForms } from "./agencies";
import { ChangeLog } from "./change-log";
import { decodeWireBytes } from "./decode";
import { detectLanguage } from "./language";
import { splitIntoBlocks } from "./blocks";
import { removeMarkedTrailers, removeSignoffs } from "./trailers";
import { removeLinkLines } from "./links";
import { removeLearntBoilerplate } from "./boilerplate";
import { removePageChrome } from "./chrome";
import { removeDateLines } from "./date-line";
import { keepCaptionsOnce, removeLeadRepeats } from "./repeats";
import { extractCaptions, removeTitleRepeats, splitHeader, splitLeadAndDateline } from "./structure";
import { readMasthead } from "./headline";
import { removeRepeatedBlocks } from "./duplicates";
import { findTextDay, resolveArticleDate } from "./article-date";
import { suggestTitle } from "./title";
import { repairGluedSentences } from "./glued-sentences";
import { repairGluedWords } from "./glued-words";
import { findDoubledWords, findLikelyTypos } from "./typos";
import { contentHash, minHashSignature, similarity } from "./fingerprint";
import type { RefusalCode } from "@/lib/refusal";
import type { Caption, ImportOptions, ImportResult, Language, ParsedArticle } from "./types";

export type * from "./types";
export { similarity };

function fail(code: RefusalCode): ImportResult {
  return { ok: false, refusal: { code } };
}

function cleanText(text: string, language: Language, log: ChangeLog): string {
  return repairGluedWords(repairGluedSentences(text, log), language, log);
}

export function importWireText(bytes: Uint8Array, options: ImportOptions = {}): ImportResult {
  // The desk's agency forms join the registry the dateline and sign-off readers consult.
  return withAgencyForms(options.agencyForms, () => parseWireText(bytes, options));
}

function parseWireText(bytes: Uint8Array, options: ImportOptions): ImportResult {
  const log = new ChangeLog(new Set(options.revertChanges ?? []));
  const decoded = decodeWireBytes(bytes, log);
  if (!decoded.ok) return decoded;
  const rawText = decoded.text;
  const warnings = [...decoded.warnings];

  // Structure first: trailers and repeats must go before anything reads "the first paragraph".
  const headerSplit = splitHeader(splitIntoBlocks(rawText, log), log);
  // Lines the source prints in many files go before anything reads the headline or the end of story.
  const unlearnt = removeLearntBoilerplate(headerSplit.blocks, options.boilerplate, log);
  const linked = removeLinkLines(unlearnt, log);
  const marked = removeMarkedTrailers(linked.blocks, log);
  const signedOff = removeSignoffs(removePageChrome(marked.blocks, log).blocks, log);
  if (signedOff.blocks.length === 0) {
    return fail(marked.foundTrailer || signedOff.foundTrailer ? "import.refused.onlyTrailer" : "import.refused.noBody");
  }
  const dated = removeDateLines(signedOff.blocks, log);
  const captionSplit = extractCaptions(dated.blocks, log);
  const titleSplit = readMasthead(captionSplit.blocks, captionSplit.altTexts, log);
  const repeats = titleSplit.title ? removeTitleRepeats(titleSplit.blocks, titleSplit.title, log) : null;
  const bodyBlocks = removeRepeatedBlocks(repeats ? repeats.blocks : titleSplit.blocks, log);
  const { lead: rawLead, dateline, datelineMatch, paragraphs: leadAndBody } = splitLeadAndDateline(bodyBlocks, log);
  const rawParagraphs = removeLeadRepeats(rawLead, leadAndBody, log);
  if (rawParagraphs.length === 0 && rawLead === null) {
    return fail("import.refused.noParagraphs");
  }

  const textDay =
    dated.day ??
    (datelineMatch?.dayText ? findTextDay(datelineMatch.dayText) : null) ??
    findTextDay([rawLead ?? "", ...rawParagraphs.slice(0, 2)].join("\n"));
  const resolvedDate = resolveArticleDate(headerSplit.header, textDay);
  warnings.push(...resolvedDate.warnings);

  const bodyText = [rawLead ?? "", ...rawParagraphs].join("\n");
  const language = detectLanguage(bodyText);

  // Cleaning, in reading order so change ids and the change list follow the text.
  const title = titleSplit.title === null ? null : cleanText(titleSplit.title, language, log);
  const lead = rawLead === null ? null : cleanText(rawLead, language, log);
  const paragraphs = rawParagraphs.map((paragraph) => cleanText(paragraph, language, log)).filter((paragraph) => paragraph !== "");
  const captions: Caption[] = keepCaptionsOnce([...headerSplit.captions, ...captionSplit.captions, ...(repeats?.captions ?? [])], log).map(
    (caption) => ({
      text: cleanText(caption.text, language, log),
      credit: caption.credit,
    }),
  );

  // Punctuation or digits alone ("./.", "2024") are not an article, and would leave no title.
  if (!/\p{L}/u.test([title ?? "", lead ?? "", ...paragraphs].join(" "))) {
    return fail("import.refused.noWords");
  }
  const opening = lead ?? paragraphs[0] ?? "";
  // When no sentence makes a headline, the opening words do; an editor reviews it anyway.
  const finalTitle = title ?? (suggestTitle(opening) || opening.replace(/\s+/g, " ").trim().slice(0, 80));
  if (title === null) warnings.push("The copy has no title line; the title was suggested from the first sentence.");

  const checkedText = [finalTitle, lead ?? "", ...paragraphs].join("\n");
  for (const doubled of findDoubledWords(checkedText)) warnings.push(`Repeated word in the source: "${doubled}".`);
  for (const typo of findLikelyTypos(checkedText, language)) {
    warnings.push(`Possible typo in the source: "${typo.word}" (did you mean "${typo.suggestion}"?).`);
  }
  if (language === "und") warnings.push("The language could not be identified; glued words were not repaired.");

  const article: ParsedArticle = {
    language,
    title: finalTitle,
    titleSuggested: title === null,
    section: titleSplit.section,
    lead,
    dateline,
    date: resolvedDate.date,
    paragraphs,
    captions,
    changes: log.applied,
    warnings,
    hash: contentHash([finalTitle, lead ?? "", ...paragraphs]),
    nearDuplicateSignature: minHashSignature([lead ?? "", ...paragraphs].join("\n")),
    rawText,
  };
  return { ok: true, article };
}

/**
 * Re-runs the import with the named changes left un-applied: an editor's undo. Takes the
 * original bytes, or the article's rawText.
 */
export function applyChanges(input: Uint8Array | string, options: { revert: readonly string[] }): ImportResult {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  return importWireText(bytes, { revertChanges: options.revert });
}
