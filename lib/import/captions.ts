// Captions: photo captions and credits ("… Photo : VNA", "(Photo: WVR/Tuan Anh)") and the
// "<title> ảnh 1<caption>" image markers of Vietnamese CMS exports, told apart from body text.
import type { Caption } from "./types";

// Captions are a sentence or two; a long paragraph ending in "Photo: X" is body text.
export const MAX_CAPTION_LENGTH = 500;

// Capitalised on purpose: "… 200 photos: landscapes and portraits." is body text.
const CREDIT_WORD = "(?:Photos?|PHOTOS?|Ảnh|ẢNH|Crédits?(?:\\s+photos?)?|Credits?|Photo\\s+credit)";
const CREDIT_LABEL = `${CREDIT_WORD}(?:\\s+(?:d['’]illustration|d['’]archives?|illustrative|file|archive))?`;
// The credit itself: an agency or photographer ("WVR/Tuan Anh") or a site ("baoquocte.vn").
const CREDIT_VALUE = "[\\p{Lu}\\p{N}][\\p{L}\\p{M}\\p{N} /.&'’-]{0,58}?|[a-z0-9-]+(?:\\.[a-z0-9-]+)+";
const CREDIT_AT_END = new RegExp(`\\s*(\\()?(?<![\\p{L}])${CREDIT_LABEL}\\s*:\\s*(${CREDIT_VALUE})\\s*\\.?\\s*(\\))?\\s*\\.?\\s*$`, "u");
const MAX_CREDIT_WORDS = 6;
// Most lines have no credit word at all, and are not scanned from every position for one at the end.
const HAS_CREDIT_WORD = new RegExp(CREDIT_WORD, "u");

/** "Text. Photo : VNA" → { text: "Text.", credit: "VNA" }; null when the line ends in no credit. */
export function parseCreditedCaption(line: string): Caption | null {
  if (line.length > MAX_CAPTION_LENGTH || !HAS_CREDIT_WORD.test(line)) return null;
  const match = CREDIT_AT_END.exec(line);
  if (!match) return null;
  const [whole, openParen, credit = "", closeParen] = match;
  // "(Photo: VNA" without ")" or "Photo: VNA)" would be a truncated parenthesis, not a credit.
  if (Boolean(openParen) !== Boolean(closeParen)) return null;
  if (credit.split(/\s+/).length > MAX_CREDIT_WORDS) return null;
  return { text: line.slice(0, line.length - whole.length).trim(), credit: credit.replace(/\.$/, "").trim() };
}

export interface ImageMarker {
  /** Text before the marker: the article title used as image alt text. */
  altText: string;
  /** Caption glued after the marker (credit parsed when present), or null. */
  caption: Caption | null;
}

const IMAGE_WORD = "[ảẢ]nh";
const IMAGE_MARKER = new RegExp(`^(.*?)\\s*(?<!\\p{L})${IMAGE_WORD}\\s?\\d{1,2}(?!\\d)\\s*(.*)$`, "u");
// The marker's word, looked for first: the lazy opening group above is tried at every position.
const HAS_IMAGE_WORD = new RegExp(IMAGE_WORD, "u");

export function parseImageMarker(line: string): ImageMarker | null {
  if (!HAS_IMAGE_WORD.test(line)) return null;
  const match = IMAGE_MARKER.exec(line);
  if (!match) return null;
  const [, altText = "", after = ""] = match;
  const captionText = after.trim();
  if (captionText === "") return { altText: altText.trim(), caption: null };
  return {
    altText: altText.trim(),
    caption: parseCreditedCaption(captionText) ?? { text: captionText, credit: null },
  };
}

/** A caption by shape alone: short, one or two sentences, not a dateline paragraph. */
export function looksLikeUncreditedCaption(line: string): boolean {
  if (line.length < 15 || line.length > 300) return false;
  const sentences = line.split(/[.!?](?:\s|$)/).filter((part) => part.trim() !== "");
  return sentences.length <= 2;
}

// Where a person stands in a photo: "(droite)", "(à gauche)", "(left)", "(2nd from right)", "(thứ 2 từ trái)".
const PHOTO_POSITION =
  /\((?:à\s+|au\s+|de\s+)?(?:droite|gauche|centre|milieu|gauche à droite|left|right|centre|center|middle|front|L|R|from left|from right|\d+(?:st|nd|rd|th|e|ème)?\s+(?:from\s+|à\s+partir\s+de\s+la\s+)?(?:left|right|gauche|droite)|thứ\s+\d+\s+từ\s+(?:trái|phải)|trái|phải|giữa)\)/iu;
// Lines that say they describe a photo.
const PHOTO_OPENING = /^(?:in the photo|pictured|sur la photo|en photo|illustration|trong ảnh)(?![\p{L}])/iu;
const MAX_SHAPED_CAPTION = 250;

/** A caption by its own shape, without a credit: it says where people stand, or that it shows a photo. */
export function looksLikeShapedCaption(line: string): boolean {
  if (line.length > MAX_SHAPED_CAPTION || /[«»“”"]/u.test(line) || !looksLikeUncreditedCaption(line)) return false;
  return PHOTO_POSITION.test(line) || PHOTO_OPENING.test(line);
}
