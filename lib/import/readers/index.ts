// The readers: what kind of input a file is (its content first, its extension as a hint) and its
// wire text for the pipeline. Saved web pages (html.ts), Word files (docx.ts), e-mails (eml.ts,
// split into one item per body and attachment before parsing) and plain wire text.
// The readers' libraries (mammoth, linkedom, mailparser: hundreds of modules) load on the first
// file that needs them: plain wire text, the bulk of an import, never waits for them, nor does a
// parse worker's start.
import type { RefusalReason } from "@/lib/refusal";
import { MAX_UNPACKED_BYTES, measureUnpacked } from "./zip-guard";

export type InputFile = { name: string; bytes: Uint8Array };
export type InputKind = "text" | "html" | "docx" | "eml";
type Read<T> = ({ ok: true } & T) | { ok: false; refusal: RefusalReason };

const SNIFF_BYTES = 4096;
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|article)[\s>]/i;
// An RFC 5322 header block: "Name: value" lines (or folded continuations) up to the first blank line.
const HEADER_LINE = /^(?:[\x21-\x39\x3b-\x7e]+:.*|[ \t]+\S.*)$/;
const MAIL_HEADERS = /^(?:from|to|subject|date|message-id|mime-version|received|return-path|content-type):/i;

function head(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/, "");
}

function isZip(bytes: Uint8Array): boolean {
  return ZIP.every((byte, index) => bytes[index] === byte);
}

function looksLikeMail(text: string): boolean {
  const block = text.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const lines = block.split(/\r?\n/);
  if (lines.length < 2 || !lines.every((line) => HEADER_LINE.test(line))) return false;
  // A wire's first lines are never several of a mail's own headers.
  return lines.filter((line) => MAIL_HEADERS.test(line)).length >= 2;
}

/** The kind of a file: sniffed from its bytes; the extension only decides between text and HTML. */
export function sniffInput({ name, bytes }: InputFile): InputKind {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  // A .docx is a ZIP holding word/document.xml; any other ZIP stays text, which decode refuses as binary.
  if (isZip(bytes) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("word/document.xml")) return "docx";
  const text = head(bytes);
  if (HTML_START.test(text)) return "html";
  if (looksLikeMail(text)) return "eml";
  if ((extension === "html" || extension === "htm") && /<\/?[a-z][^>]*>/i.test(text)) return "html";
  return "text";
}

/**
 * Loads the readers a file needs (all three for a mail, whose parts may be a page or a Word file)
 * before its parse: a parse worker does it before the file's time budget starts.
 */
export async function loadReadersFor(file: InputFile): Promise<void> {
  if (sniffInput(file) !== "text") await Promise.all([import("./docx"), import("./html"), import("./eml")]);
}

/** The items of a file: a mail's body and attachments, any other file as it is. */
export async function splitInput(file: InputFile): Promise<Read<{ items: InputFile[] }>> {
  if (sniffInput(file) !== "eml") return { ok: true, items: [file] };
  const { readEml } = await import("./eml");
  const items = await readEml(file.bytes, file.name).catch(() => null);
  if (items === null) return { ok: false, refusal: { code: "import.refused.unreadable", params: { format: "e-mail" } } };
  if (items.length === 0) return { ok: false, refusal: { code: "import.refused.emptyMail" } };
  return { ok: true, items };
}

/** The wire text of one item, as bytes for the pipeline; plain text is handed on untouched. */
export async function wireBytesOf(file: InputFile): Promise<Read<{ bytes: Uint8Array; kind: InputKind }>> {
  const kind = sniffInput(file);
  if (kind === "text") return { ok: true, bytes: file.bytes, kind };
  if (kind === "eml") {
    // A mail that reached the pipeline whole: its first item (the body) is what it says.
    const split = await splitInput(file);
    if (!split.ok) return split;
    const first = split.items[0]!;
    return sniffInput(first) === "eml" ? { ok: true, bytes: first.bytes, kind: "text" } : wireBytesOf(first);
  }
  if (kind === "docx") {
    const unpacked = measureUnpacked(file.bytes);
    if (!unpacked.ok && unpacked.reason !== "damaged")
      return { ok: false, refusal: { code: "import.refused.unpacksTooLarge", params: { limit: MAX_UNPACKED_BYTES / 1024 / 1024 } } };
  }
  const text =
    kind === "docx"
      ? await (await import("./docx")).readDocx(file.bytes)
      : (await import("./html")).readHtml(new TextDecoder("utf-8").decode(file.bytes));
  if (text === null)
    return { ok: false, refusal: { code: "import.refused.unreadable", params: { format: kind === "docx" ? "Word" : "HTML" } } };
  return { ok: true, bytes: new TextEncoder().encode(text), kind };
}
