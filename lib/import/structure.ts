// Structure: reads the article's parts out of its blocks: the date header and what shares its
// line, captions, the title (or its image alt-text repeats), the lead and the dateline.
import type { ChangeLog } from "./change-log";
import type { Caption, Dateline } from "./types";
import { parseDateHeader, type DateHeader } from "./header";
import { findDatelineStart, matchDateline, type DatelineMatch } from "./dateline";
import { looksLikeShapedCaption, looksLikeUncreditedCaption, parseCreditedCaption, parseImageMarker } from "./captions";
import { isHeadline, normaliseForComparison } from "./title";

export interface HeaderSplit {
  header: DateHeader | null;
  blocks: string[];
  captions: Caption[];
}

/** Separates " date YYYY-MM" from the lead caption and/or first paragraph sharing its line. */
export function splitHeader(blocks: readonly string[], log: ChangeLog): HeaderSplit {
  const [first = "", ...rest] = blocks;
  const header = parseDateHeader(first);
  if (!header) return { header: null, blocks: [...blocks], captions: [] };
  if (header.rest === "") return { header, blocks: rest, captions: [] };

  const line = header.rest;
  const datelineAt = findDatelineStart(line);
  let captionSource = "";
  let paragraph = "";
  if (datelineAt >= 0) {
    captionSource = line.slice(0, datelineAt).trim();
    paragraph = line.slice(datelineAt);
  } else if (parseCreditedCaption(line)) {
    captionSource = line;
  } else if (rest[0] !== undefined && matchDateline(rest[0]) && looksLikeUncreditedCaption(line) && !isHeadline(line)) {
    // No credit, but the dateline comes next: the lead photo's caption (a headline would have
    // no closing full stop, and is left for the title).
    captionSource = line;
  } else {
    paragraph = line;
  }

  const captions: Caption[] = [];
  const body = paragraph === "" ? [...rest] : [paragraph, ...rest];
  if (captionSource !== "") {
    // Without a credit the line is a caption by its place alone: flagged for the editor to check.
    const kind = parseCreditedCaption(captionSource) ? "caption-extracted" : "caption-guessed";
    if (log.propose(kind, captionSource)) {
      captions.push(parseCreditedCaption(captionSource) ?? { text: captionSource, credit: null });
    } else {
      body.unshift(captionSource);
    }
  }
  return { header, blocks: body, captions };
}

export interface CaptionSplit {
  blocks: string[];
  captions: Caption[];
  /** Texts found before "ảnh N" image markers: the title, as image alt text. */
  altTexts: string[];
}

/** Moves captions out of the body, including those glued after "<title> ảnh N". */
export function extractCaptions(blocks: readonly string[], log: ChangeLog): CaptionSplit {
  const kept: string[] = [];
  const captions: Caption[] = [];
  const altTexts: string[] = [];
  for (const block of blocks) {
    const marker = parseImageMarker(block);
    if (marker) {
      if (marker.altText !== "") altTexts.push(marker.altText);
      const kind = marker.caption ? "caption-extracted" : "title-repeat-removed";
      if (!log.propose(kind, block)) kept.push(block);
      else if (marker.caption) captions.push(marker.caption);
      continue;
    }
    const caption = parseCreditedCaption(block);
    if (!caption) {
      // No credit: a caption only by its own shape, and flagged for the editor to check.
      if (looksLikeShapedCaption(block) && !matchDateline(block) && log.propose("caption-guessed", block)) {
        captions.push({ text: block, credit: null });
      } else kept.push(block);
      continue;
    }
    // A credit on a line of its own belongs to the short line above it.
    const previous = kept[kept.length - 1];
    if (caption.text === "" && previous !== undefined && looksLikeUncreditedCaption(previous)) {
      if (log.propose("caption-extracted", `${previous}\n${block}`)) {
        kept.pop();
        captions.push({ text: previous, credit: caption.credit });
      } else kept.push(block);
      continue;
    }
    if (log.propose("caption-extracted", block)) captions.push(caption);
    else kept.push(block);
  }
  return { blocks: kept, captions, altTexts };
}

export interface TitleSplit {
  title: string | null;
  blocks: string[];
}

function mostFrequent(values: readonly string[]): string | null {
  const counts = new Map<string, { value: string; count: number }>();
  for (const value of values) {
    const key = normaliseForComparison(value);
    const entry = counts.get(key) ?? { value, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { value: string; count: number } | null = null;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.value ?? null;
}

/** A headline first line, else the image alt text, else a headline line the page repeats. */
export function findTitle(blocks: readonly string[], altTexts: readonly string[]): TitleSplit {
  const [first, ...rest] = blocks;
  if (first !== undefined && isHeadline(first)) return { title: first, blocks: rest };
  const altText = mostFrequent(altTexts.filter(isHeadline));
  if (altText) return { title: altText, blocks: [...blocks] };
  const keys = blocks.map(normaliseForComparison);
  const repeatedHeadlines = blocks.filter((block, index) => isHeadline(block) && keys.indexOf(keys[index]!) !== index);
  return { title: mostFrequent(repeatedHeadlines), blocks: [...blocks] };
}

/** Drops lines repeating the title (image alt text); a short line right after one is its caption. */
export function removeTitleRepeats(blocks: readonly string[], title: string, log: ChangeLog): CaptionSplit {
  const titleKey = normaliseForComparison(title);
  const kept: string[] = [];
  const captions: Caption[] = [];
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index] ?? "";
    if (normaliseForComparison(block) !== titleKey || !log.propose("title-repeat-removed", block)) {
      kept.push(block);
      continue;
    }
    const next = blocks[index + 1];
    const followedByMore = index + 2 < blocks.length;
    if (next !== undefined && followedByMore && next.length <= 200 && looksLikeUncreditedCaption(next) && !matchDateline(next)) {
      if (log.propose("caption-guessed", next)) {
        captions.push({ text: next, credit: null });
        index++;
      }
    }
  }
  return { blocks: kept, captions, altTexts: [] };
}

export interface LeadSplit {
  lead: string | null;
  dateline: Dateline | null;
  datelineMatch: DatelineMatch | null;
  paragraphs: string[];
}

// The dateline opens the body within the first few blocks; a standfirst may come before it.
const DATELINE_SEARCH_DEPTH = 3;
const MAX_LEAD_LENGTH = 600;

/** Finds the dateline paragraph, strips the dateline, and takes a standfirst before it as lead. */
export function splitLeadAndDateline(blocks: readonly string[], log: ChangeLog): LeadSplit {
  const searched = blocks.slice(0, DATELINE_SEARCH_DEPTH);
  const index = searched.findIndex((block) => matchDateline(block) !== null);
  if (index < 0) return { lead: null, dateline: null, datelineMatch: null, paragraphs: [...blocks] };

  const block = blocks[index] ?? "";
  const match = matchDateline(block);
  if (!match) return { lead: null, dateline: null, datelineMatch: null, paragraphs: [...blocks] };
  const withoutDateline = block.slice(match.prefix.length);
  const body = log.propose("dateline-removed", match.prefix.trim()) ? withoutDateline : block;

  const before = blocks.slice(0, index);
  const leadFits = before.length > 0 && before.every((part) => part.length <= MAX_LEAD_LENGTH);
  return {
    lead: leadFits ? before.join(" ") : null,
    dateline: { place: match.place, source: match.source },
    datelineMatch: match,
    paragraphs: [...(leadFits ? [] : before), body, ...blocks.slice(index + 1)],
  };
}
