import { refusalTextIn } from "@/lib/i18n/refusal-text";
import type { RefusalReason } from "@/lib/refusal";

const english = (reason: RefusalReason) => refusalTextIn("en", reason);
import { describe, expect, it } from "vitest";
import { decodeWindows1252, decodeWireBytes, MAX_FILE_BYTES } from "./decode";
import { ChangeLog } from "./change-log";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function decodedText(bytes: Uint8Array): string {
  const result = decodeWireBytes(bytes);
  if (!result.ok) throw new Error(`expected success, got: ${result.refusal.code}`);
  return result.text;
}

describe("decodeWireBytes", () => {
  it("reads UTF-8 with and without a BOM the same way", () => {
    const text = "Hanoï (VNA) – L’année 2023 est marquée";
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodedText(withBom)).toBe(text);
    expect(decodedText(utf8(text))).toBe(text);
  });

  it("converts Windows-1252 bytes (invalid UTF-8) with accents, œ, curly quotes and dashes", () => {
    // "Hanoï (VNA) – L’œuvre « décisive » : “été”, ça, très" as Windows-1252 bytes.
    const bytes = Buffer.from([
      ...Buffer.from("Hano", "latin1"),
      0xef,
      ...Buffer.from(" (VNA) ", "latin1"),
      0x96,
      ...Buffer.from(" L", "latin1"),
      0x92,
      0x9c,
      ...Buffer.from("uvre ", "latin1"),
      0x93,
      0xe9,
      ...Buffer.from("t", "latin1"),
      0xe9,
      0x94,
      ...Buffer.from(", ", "latin1"),
      0xe7,
      ...Buffer.from("a, tr", "latin1"),
      0xe8,
      ...Buffer.from("s", "latin1"),
    ]);
    const result = decodeWireBytes(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe("Hanoï (VNA) – L’œuvre “été”, ça, très");
    expect(result.encoding).toBe("windows-1252");
    expect(result.warnings.join(" ")).toMatch(/Windows-1252/);
  });

  it("decodes Latin-1 French written by an old editor", () => {
    expect(decodedText(Buffer.from("Le ministre a reçu à Hanoï la délégation", "latin1"))).toBe("Le ministre a reçu à Hanoï la délégation");
  });

  it("normalises CRLF and lone CR line ends to LF", () => {
    expect(decodedText(utf8("un\r\ndeux\rtrois\n"))).toBe("un\ndeux\ntrois\n");
  });

  it('composes decomposed accents (NFC) so "ảnh" and "é" compare equal', () => {
    expect(decodedText(utf8("e\u0301te\u0301 a\u0309nh 1"))).toBe("été ảnh 1");
  });

  it("decodes UTF-16 with a byte-order mark", () => {
    const text = "Hanoï (VNA) – Le ministre";
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
    expect(decodedText(le)).toBe(text);
  });

  it('repairs UTF-8 that was once read as Windows-1252 ("HanoÃ¯")', () => {
    const garbled = Buffer.from(Buffer.from("Hanoï – L’année et la coopération", "utf8").toString("latin1"), "utf8");
    const result = decodeWireBytes(new Uint8Array(garbled));
    expect(result.ok && result.text).toBe("Hanoï – L’année et la coopération");
  });

  it('repairs mojibake made through Windows-1252 too ("â€™")', () => {
    const garbled = decodeWindows1252(new TextEncoder().encode("Hanoï – L’année “ok”"));
    expect(garbled).toBe("HanoÃ¯ â€“ Lâ€™annÃ©e â€œokâ€\u009d");
    expect(decodedText(utf8(garbled))).toBe("Hanoï – L’année “ok”");
  });

  it("leaves genuine text with Ã or â alone", () => {
    expect(decodedText(utf8("Ã la carte, â€” non"))).toBe("Ã la carte, â€” non");
  });

  it("refuses an empty file and a whitespace-only file", () => {
    expect(decodeWireBytes(new Uint8Array())).toEqual({ ok: false, refusal: { code: "import.refused.empty" } });
    const blank = decodeWireBytes(utf8(" \n\r\n\t \u00a0\n"));
    expect(blank.ok).toBe(false);
    expect(!blank.ok && english(blank.refusal)).toMatch(/empty/);
  });

  it("refuses a file over 2 MB", () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(decodeWireBytes(big)).toEqual({ ok: false, refusal: { code: "import.refused.tooLarge", params: { limit: 2 } } });
    expect(english({ code: "import.refused.tooLarge", params: { limit: 2 } })).toBe("The file is larger than 2 MB.");
  });

  it("accepts a file of exactly 2 MB", () => {
    expect(decodeWireBytes(new Uint8Array(MAX_FILE_BYTES).fill(0x61)).ok).toBe(true);
  });

  it.each([
    ["PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], /a PNG file/],
    ["JPEG", [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46], /a JPEG file/],
    ["PDF", [...utf8("%PDF-1.7\n%âãÏÓ\n")], /a PDF file/],
    ["DOCX", [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /ZIP \(\.docx/],
  ])("refuses a %s renamed .txt, saying what it is", (_name, bytes, message) => {
    const result = decodeWireBytes(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    expect(!result.ok && english(result.refusal)).toMatch(message);
  });

  it("refuses NUL bytes", () => {
    const result = decodeWireBytes(new Uint8Array([...utf8("Hanoi (VNA) "), 0, ...utf8("text")]));
    expect(!result.ok && english(result.refusal)).toMatch(/NUL/);
  });

  it("refuses text full of control characters, strips a stray one", () => {
    const binary = decodeWireBytes(utf8("a\u0001b\u0002c\u0003d\u0004e\u0005"));
    expect(!binary.ok && english(binary.refusal)).toMatch(/5 control characters/);
    const stray = decodeWireBytes(utf8("Le ministre\u001a a dit"));
    expect(stray.ok && stray.text).toBe("Le ministre a dit");
  });
});

describe("a UTF-8 file with a few stray Windows-1252 bytes (issue 26)", () => {
  const bytesOf = (...parts: Array<string | number>): Uint8Array =>
    new Uint8Array(parts.flatMap((part) => (typeof part === "number" ? [part] : [...utf8(part)])));

  it("reads a French UTF-8 file with one 0x96 as UTF-8 and repairs the byte as a recorded change", () => {
    const log = new ChangeLog();
    const result = decodeWireBytes(bytesOf("Hanoï (VNA) ", 0x96, " L’année 2023 a été marquée par la coopération."), log);
    expect(result.ok && result.text).toBe("Hanoï (VNA) – L’année 2023 a été marquée par la coopération.");
    expect(result.ok && result.encoding).toBe("utf-8");
    expect(result.ok && result.warnings.join(" ")).toMatch(/1 byte/);
    expect(log.applied).toEqual([
      { id: expect.stringMatching(/^stray-byte-repaired:/), kind: "stray-byte-repaired", before: "0x96", after: "–" },
    ]);
  });

  it("repairs an English UTF-8 file with stray curly quotes and a dash, in reading order", () => {
    const log = new ChangeLog();
    const story = "The minister’s visit to Hanoï was “a milestone”, the ministry’s spokesperson said. ";
    const result = decodeWireBytes(bytesOf(story, "The minister", 0x92, "s visit ", 0x97, " ", 0x93, "ok", 0x94), log);
    expect(result.ok && result.text).toBe(`${story}The minister’s visit — “ok”`);
    expect(log.applied.map((change) => [change.before, change.after])).toEqual([
      ["0x92", "’"],
      ["0x97", "—"],
      ["0x93", "“"],
      ["0x94", "”"],
    ]);
  });

  it("leaves a reverted repair as the replacement character, the others applied", () => {
    const bytes = bytesOf("Hanoï ", 0x96, " Paris ", 0x96, " été");
    const first = new ChangeLog();
    decodeWireBytes(bytes, first);
    const [one, two] = first.applied;
    expect(two?.id).toBe(`${one?.id}:2`);
    const result = decodeWireBytes(bytes, new ChangeLog(new Set([one!.id])));
    expect(result.ok && result.text).toBe("Hanoï \uFFFD Paris – été");
  });

  it("still reads a Windows-1252 file as Windows-1252 when it reads better that way", () => {
    // Mostly Windows-1252 accents, and by chance one pair that is valid UTF-8 ("Â«" = C2 AB).
    const log = new ChangeLog();
    const bytes = new Uint8Array([
      ...Buffer.from("Le ministre a re", "latin1"),
      0xe7,
      ...Buffer.from("u ", "latin1"),
      0xe0,
      ...Buffer.from(" Hano", "latin1"),
      0xef,
      ...Buffer.from(" la d", "latin1"),
      0xe9,
      ...Buffer.from("l", "latin1"),
      0xe9,
      ...Buffer.from("gation ", "latin1"),
      0xc2,
      0xab,
      ...Buffer.from(" fin", "latin1"),
    ]);
    const result = decodeWireBytes(bytes, log);
    expect(result.ok && result.encoding).toBe("windows-1252");
    expect(result.ok && result.text).toBe("Le ministre a reçu à Hanoï la délégation Â« fin");
    expect(log.applied).toEqual([]);
  });

  it('counts mojibake in both readings: a mostly UTF-8 French file is never turned into "HanoÃ¯"', () => {
    const body = "Hanoï (VNA) – L’année a été décisive pour la coopération entre les deux pays. ".repeat(20);
    const result = decodeWireBytes(bytesOf(body, 0x85, body));
    expect(result.ok && result.text).not.toMatch(/Ã|â€/);
    expect(result.ok && result.text).toContain("pays. …Hanoï");
  });

  it("repairs bytes of a cut UTF-8 sequence one by one", () => {
    // "é" is C3 A9: a lone C3 before a space is a stray byte ("Ã" in Windows-1252).
    const log = new ChangeLog();
    const result = decodeWireBytes(bytesOf("café ", 0xc3, " été"), log);
    expect(result.ok && result.text).toBe("café Ã été");
    expect(log.applied.map((change) => change.before)).toEqual(["0xC3"]);
  });
});
