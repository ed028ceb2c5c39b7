// Tells what a file is from its first bytes (magic numbers), never from its name, and reads the
// dimensions its header claims without decoding a pixel. Pure: no sharp, no I/O.
import type { AcceptedType } from "./limits";

/** What a refused file looked like, so the refusal can say so ("an SVG drawing", "a program"). */
export type ForeignKind = "svg" | "gif" | "tiff" | "bmp" | "heic" | "pdf" | "executable" | "archive" | "html" | "unknown";

export type Sniffed = { ok: true; type: AcceptedType } | { ok: false; kind: ForeignKind };

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

export function sniffImageType(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ok: true, type: "image/jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: "image/png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { ok: true, type: "image/webp" };
  if (ascii(bytes, 4, 8) === "ftyp") {
    const brands = isoBrands(bytes);
    if (brands.some((brand) => brand === "avif" || brand === "avis")) return { ok: true, type: "image/avif" };
    if (brands.some((brand) => ["heic", "heix", "hevc", "mif1", "msf1"].includes(brand))) return { ok: false, kind: "heic" };
    return { ok: false, kind: "unknown" };
  }
  return { ok: false, kind: foreignKind(bytes) };
}

/** The major brand and compatible brands of an ISO-BMFF `ftyp` box. */
function isoBrands(bytes: Uint8Array): string[] {
  const size = bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) : 0;
  const end = Math.min(size, bytes.length, 256);
  const brands = [ascii(bytes, 8, 12)];
  for (let offset = 16; offset + 4 <= end; offset += 4) brands.push(ascii(bytes, offset, offset + 4));
  return brands;
}

function foreignKind(bytes: Uint8Array): ForeignKind {
  if (
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) ||
    startsWith(bytes, [0x4d, 0x5a]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0x23, 0x21])
  )
    return "executable";
  if (ascii(bytes, 0, 4) === "GIF8") return "gif";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (ascii(bytes, 0, 2) === "BM") return "bmp";
  if (ascii(bytes, 0, 5) === "%PDF-") return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x1f, 0x8b]) || ascii(bytes, 0, 6) === "7z\xbc\xaf\x27\x1c")
    return "archive";
  const head = new TextDecoder("utf-8", { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\ufeff/, "")
    .trimStart()
    .toLowerCase();
  if (head.startsWith("<svg") || ((head.startsWith("<?xml") || head.startsWith("<!doctype svg")) && head.includes("<svg"))) return "svg";
  if (head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<script")) return "html";
  return "unknown";
}

export type Dimensions = { width: number; height: number };

/**
 * The largest picture the header announces, or null when the header is cut short or malformed.
 * Read before decoding so a 100 000 × 100 000 bomb is refused without allocating its pixels.
 */
export function headerDimensions(bytes: Uint8Array, type: AcceptedType): Dimensions | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (type) {
    case "image/png":
      return bytes.length >= 24 && ascii(bytes, 12, 16) === "IHDR" ? { width: view.getUint32(16), height: view.getUint32(20) } : null;
    case "image/jpeg":
      return jpegDimensions(bytes, view);
    case "image/webp":
      return webpDimensions(bytes, view);
    case "image/avif":
      return avifDimensions(bytes, view);
  }
}

// Start-of-frame markers (baseline, progressive, lossless, arithmetic...), not DHT/JPG/DAC.
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (SOF_MARKERS.has(marker)) {
      if (offset + 9 > bytes.length) return null;
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    if (marker === 0xd9 || marker === 0xda || length < 2) return null;
    offset += 2 + length;
  }
  return null;
}

function webpDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  if (bytes.length < 30) return null;
  const chunk = ascii(bytes, 12, 16);
  if (chunk === "VP8X") {
    const width = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const height = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return { width, height };
  }
  if (chunk === "VP8 ") {
    if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return null;
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === "VP8L") {
    if (bytes[20] !== 0x2f) return null;
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  return null;
}

/** AVIF keeps each image's size in an `ispe` property box; the largest one is the picture. */
function avifDimensions(bytes: Uint8Array, view: DataView): Dimensions | null {
  let best: Dimensions | null = null;
  const limit = Math.min(bytes.length, 64 * 1024);
  for (let offset = 4; offset + 16 <= limit; offset += 1) {
    if (bytes[offset] !== 0x69 || ascii(bytes, offset, offset + 4) !== "ispe") continue;
    const width = view.getUint32(offset + 8);
    const height = view.getUint32(offset + 12);
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}
