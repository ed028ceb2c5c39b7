// Decoding: turns uploaded bytes into clean Unicode text (UTF-8/UTF-16/Windows-1252, LF line
// ends, NFC) or refuses files that are empty, too large or not text at all. A UTF-8 file with a
// few stray Windows-1252 bytes stays UTF-8, each byte repaired as a change the editor can undo.
import type { RefusalReason } from "@/lib/refusal";
import type { ChangeLog } from "./change-log";

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodeResult = { ok: true; text: string; encoding: Encoding; warnings: string[] } | { ok: false; refusal: RefusalReason };

const BINARY_SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: "PNG" },
  { bytes: [0xff, 0xd8, 0xff], name: "JPEG" },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: "GIF" },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: "PDF" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: "ZIP (.docx, .odt)" },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: "Microsoft Office (.doc)" },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: "RTF" },
  { bytes: [0x1f, 0x8b], name: "gzip" },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: "RIFF (WebP, WAV, AVI)" },
];

// A stray ^Z or form feed survives old Windows tools; more than this means binary data.
const TOLERATED_CONTROL_CHARS = 3;
// C0 controls other than tab, LF, VT, FF and CR.
const CONTROL_CHARS = /[\u0001-\u0008\u000e-\u001f\u007f]/g;
// What Windows-1252 shows for the bytes 0x80-0xBF, i.e. for UTF-8 continuation bytes.
const CONTINUATION_CHARS =
  "\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122";
// A UTF-8 lead byte shown as Windows-1252 (Â-ô) then a continuation: "HanoÃ¯", "â€™", "áº£".
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00f4][${CONTINUATION_CHARS}]`, "g");

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.length <= bytes.length && signature.every((b, i) => bytes[i] === b);
}

function describeBinary(bytes: Uint8Array): string | null {
  for (const { bytes: signature, name } of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) return name;
  }
  return null;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

// Windows-1252's 0x80-0x9F block (the rest is Latin-1). Written out because Node 20's
// TextDecoder('windows-1252') decodes this block as Latin-1 C1 controls.
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

const C1_BLOCK = /[\u0080-\u009f]/g;

/** Windows-1252 bytes as text: Latin-1 (native, fast) with the 0x80-0x9F block mapped after. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(C1_BLOCK, (char) => WINDOWS_1252_HIGH.charAt(char.charCodeAt(0) - 0x80));
}

let windows1252Encoder: Map<string, number> | null = null;

/** Bytes of a text in Windows-1252 or Latin-1 (undoing either decoder), or null if it can't be. */
function windows1252Bytes(text: string): Uint8Array | null {
  if (!windows1252Encoder) {
    windows1252Encoder = new Map();
    for (let byte = 0; byte < 256; byte++) {
      windows1252Encoder.set(decodeWindows1252(Uint8Array.of(byte)), byte);
      // The same mistake made through Latin-1 leaves C1 controls where 1252 has “ ” – €.
      if (!windows1252Encoder.has(String.fromCharCode(byte))) windows1252Encoder.set(String.fromCharCode(byte), byte);
    }
  }
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const byte = windows1252Encoder.get(text.charAt(i));
    if (byte === undefined) return null;
    out[i] = byte;
  }
  return out;
}

/** Undoes one round of UTF-8-read-as-Windows-1252 when that clearly helps. */
function repairMojibake(text: string): string | null {
  const before = text.match(MOJIBAKE)?.length ?? 0;
  if (before < 2) return null;
  const bytes = windows1252Bytes(text);
  const repaired = bytes && tryDecode("utf-8", bytes);
  if (!repaired) return null;
  const after = repaired.match(MOJIBAKE)?.length ?? 0;
  return after < before ? repaired : null;
}

/** Length of the valid UTF-8 sequence starting at `at`, or 0 when the byte there starts none. */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at]!;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || at + length > bytes.length) return 0;
  // The second byte's range excludes overlong forms and surrogates (RFC 3629's table).
  const second = bytes[at + 1]!;
  const [low, high] =
    lead === 0xe0
      ? [0xa0, 0xbf]
      : lead === 0xed
        ? [0x80, 0x9f]
        : lead === 0xf0
          ? [0x90, 0xbf]
          : lead === 0xf4
            ? [0x80, 0x8f]
            : [0x80, 0xbf];
  if (second < low || second > high) return 0;
  for (let i = at + 2; i < at + length; i++) if ((bytes[i]! & 0xc0) !== 0x80) return 0;
  return length;
}

type Utf8Split = { runs: Array<{ start: number; end: number }>; strays: number[] };

/** How much of the file reads as UTF-8: multi-byte sequences and bytes that start none. */
function countUtf8(bytes: Uint8Array): { multiByte: number; strays: number } {
  let multiByte = 0;
  let strays = 0;
  for (let at = 0; at < bytes.length;) {
    const length = utf8SequenceLength(bytes, at);
    if (length > 1) multiByte++;
    if (length === 0) strays++;
    at += Math.max(length, 1);
  }
  return { multiByte, strays };
}

/** The file as UTF-8 runs and the stray bytes between them, in order. */
function splitUtf8(bytes: Uint8Array): Utf8Split {
  const runs: Array<{ start: number; end: number }> = [];
  const strays: number[] = [];
  let runStart = 0;
  for (let at = 0; at < bytes.length;) {
    const length = utf8SequenceLength(bytes, at);
    if (length > 0) {
      at += length;
      continue;
    }
    if (at > runStart) runs.push({ start: runStart, end: at });
    strays.push(at);
    runStart = ++at;
  }
  if (bytes.length > runStart) runs.push({ start: runStart, end: bytes.length });
  return { runs, strays };
}

/**
 * Mojibake pairs the Windows-1252 reading would show, counted on the bytes: a UTF-8 lead byte
 * (Â-ô) before a continuation byte (0x80-0xBF, all in CONTINUATION_CHARS once read as 1252).
 */
function countWindows1252Mojibake(bytes: Uint8Array): number {
  let count = 0;
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i]! >= 0xc2 && bytes[i]! <= 0xf4 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0xbf) {
      count++;
      i++;
    }
  }
  return count;
}

function hexByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}

/**
 * UTF-8 with each stray byte read through the Windows-1252 table, proposed to the log as a
 * change: when the editor undoes one, the byte shows as U+FFFD, as a strict decoder shows it.
 */
function decodeUtf8Repairing(bytes: Uint8Array, split: Utf8Split, log: ChangeLog | undefined): string {
  const utf8 = new TextDecoder("utf-8");
  const parts: string[] = [];
  let runIndex = 0;
  const flushRunsBefore = (position: number) => {
    while (runIndex < split.runs.length && split.runs[runIndex]!.start < position) {
      const run = split.runs[runIndex++]!;
      parts.push(utf8.decode(bytes.subarray(run.start, run.end)));
    }
  };
  for (const at of split.strays) {
    flushRunsBefore(at);
    const byte = bytes[at]!;
    const repaired = decodeWindows1252(Uint8Array.of(byte));
    parts.push(!log || log.propose("stray-byte-repaired", hexByte(byte), repaired) ? repaired : "\uFFFD");
  }
  flushRunsBefore(bytes.length + 1);
  return parts.join("");
}

function countMojibake(text: string): number {
  return text.match(MOJIBAKE)?.length ?? 0;
}

function detectAndDecode(bytes: Uint8Array, log: ChangeLog | undefined): { text: string; encoding: Encoding; repairedBytes: number } {
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le", repairedBytes: 0 };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be", repairedBytes: 0 };
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { text: utf8, encoding: "utf-8", repairedBytes: 0 };
  // Not valid UTF-8: wire desks still send Windows-1252 (a superset of Latin-1 with ’ “ ” – œ),
  // and UTF-8 files pick up a stray 1252 byte from a pasted dash or quote. The reading with
  // fewer signs of the wrong choice wins: mojibake ("Ã©", "â€™") in the whole-file 1252
  // reading, against mojibake plus every byte that had to be repaired in the UTF-8 reading.
  // The UTF-8 reading is built only when it can win (it scores at least its stray bytes), so a
  // real Windows-1252 file does not pay for splitting hundreds of thousands of strays.
  const { multiByte, strays } = countUtf8(bytes);
  const windows1252Score = countWindows1252Mojibake(bytes);
  if (multiByte > 0 && strays <= windows1252Score) {
    const split = splitUtf8(bytes);
    if (countMojibake(decodeUtf8Repairing(bytes, split, undefined)) + strays <= windows1252Score) {
      return { text: decodeUtf8Repairing(bytes, split, log), encoding: "utf-8", repairedBytes: strays };
    }
  }
  return { text: decodeWindows1252(bytes), encoding: "windows-1252", repairedBytes: 0 };
}

function refused(code: RefusalReason["code"], params?: RefusalReason["params"]): DecodeResult {
  return { ok: false, refusal: params ? { code, params } : { code } };
}

/** `log` receives the stray-byte repairs (and its reverted ids leave them undone). */
export function decodeWireBytes(bytes: Uint8Array, log?: ChangeLog): DecodeResult {
  if (bytes.length > MAX_FILE_BYTES) return refused("import.refused.tooLarge", { limit: MAX_FILE_BYTES / 1024 / 1024 });
  if (bytes.length === 0) return refused("import.refused.empty");
  const binary = describeBinary(bytes);
  if (binary) return refused("import.refused.binary", { format: binary });

  const isUtf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!isUtf16 && bytes.includes(0)) {
    return refused("import.refused.nulBytes");
  }

  const warnings: string[] = [];
  const decoded = detectAndDecode(bytes, log);
  let text = decoded.text;
  if (decoded.encoding === "windows-1252") {
    warnings.push("The file is not valid UTF-8; it was read as Windows-1252.");
  }
  if (decoded.repairedBytes > 0) {
    warnings.push(`The file is UTF-8 but for ${decoded.repairedBytes} byte(s), read as Windows-1252 (each is listed in the changes).`);
  }
  const repaired = repairMojibake(text);
  if (repaired !== null) {
    text = repaired;
    warnings.push("Garbled accents (UTF-8 read as Windows-1252 upstream) were repaired.");
  }
  if (isUtf16 && text.includes("\u0000")) {
    return refused("import.refused.nulBytes");
  }

  const controlCount = text.match(CONTROL_CHARS)?.length ?? 0;
  if (controlCount > TOLERATED_CONTROL_CHARS) {
    return refused("import.refused.controlChars", { count: controlCount });
  }
  if (controlCount > 0) {
    text = text.replace(CONTROL_CHARS, "");
    warnings.push(`${controlCount} stray control character(s) were removed.`);
  }

  text = text
    .replace(/^\uFEFF/, "")
    .replace(/\uFEFF/g, "")
    .replace(/\r\n?/g, "\n")
    .normalize("NFC");

  if (text.replace(/[\s\u00a0\u200b]/g, "") === "") {
    return refused("import.refused.blank");
  }
  return { ok: true, text, encoding: decoded.encoding, warnings };
}
