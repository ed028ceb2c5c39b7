import { describe, expect, it } from 'vitest';
import { decodeWindows1252, decodeWireBytes, MAX_FILE_BYTES } from './decode';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function decodedText(bytes: Uint8Array): string {
  const result = decodeWireBytes(bytes);
  if (!result.ok) throw new Error(`expected success, got: ${result.error}`);
  return result.text;
}

describe('decodeWireBytes', () => {
  it('reads UTF-8 with and without a BOM the same way', () => {
    const text = 'Hanoï (VNA) – L’année 2023 est marquée';
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodedText(withBom)).toBe(text);
    expect(decodedText(utf8(text))).toBe(text);
  });

  it('converts Windows-1252 bytes (invalid UTF-8) with accents, œ, curly quotes and dashes', () => {
    // "Hanoï (VNA) – L’œuvre « décisive » : “été”, ça, très" as Windows-1252 bytes.
    const bytes = Buffer.from([
      ...Buffer.from('Hano', 'latin1'), 0xef, ...Buffer.from(' (VNA) ', 'latin1'), 0x96, ...Buffer.from(' L', 'latin1'), 0x92, 0x9c,
      ...Buffer.from('uvre ', 'latin1'), 0x93, 0xe9, ...Buffer.from('t', 'latin1'), 0xe9, 0x94,
      ...Buffer.from(', ', 'latin1'), 0xe7, ...Buffer.from('a, tr', 'latin1'), 0xe8, ...Buffer.from('s', 'latin1'),
    ]);
    const result = decodeWireBytes(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toBe('Hanoï (VNA) – L’œuvre “été”, ça, très');
    expect(result.encoding).toBe('windows-1252');
    expect(result.warnings.join(' ')).toMatch(/Windows-1252/);
  });

  it('decodes Latin-1 French written by an old editor', () => {
    expect(decodedText(Buffer.from('Le ministre a reçu à Hanoï la délégation', 'latin1'))).toBe('Le ministre a reçu à Hanoï la délégation');
  });

  it('normalises CRLF and lone CR line ends to LF', () => {
    expect(decodedText(utf8('un\r\ndeux\rtrois\n'))).toBe('un\ndeux\ntrois\n');
  });

  it('composes decomposed accents (NFC) so "ảnh" and "é" compare equal', () => {
    expect(decodedText(utf8('e\u0301te\u0301 a\u0309nh 1'))).toBe('été ảnh 1');
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const text = 'Hanoï (VNA) – Le ministre';
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    expect(decodedText(le)).toBe(text);
  });

  it('repairs UTF-8 that was once read as Windows-1252 ("HanoÃ¯")', () => {
    const garbled = Buffer.from(Buffer.from('Hanoï – L’année et la coopération', 'utf8').toString('latin1'), 'utf8');
    const result = decodeWireBytes(new Uint8Array(garbled));
    expect(result.ok && result.text).toBe('Hanoï – L’année et la coopération');
  });

  it('repairs mojibake made through Windows-1252 too ("â€™")', () => {
    const garbled = decodeWindows1252(new TextEncoder().encode('Hanoï – L’année “ok”'));
    expect(garbled).toBe('HanoÃ¯ â€“ Lâ€™annÃ©e â€œokâ€\u009d');
    expect(decodedText(utf8(garbled))).toBe('Hanoï – L’année “ok”');
  });

  it('leaves genuine text with Ã or â alone', () => {
    expect(decodedText(utf8('Ã la carte, â€” non'))).toBe('Ã la carte, â€” non');
  });

  it('refuses an empty file and a whitespace-only file', () => {
    expect(decodeWireBytes(new Uint8Array())).toEqual({ ok: false, error: 'File is empty.' });
    const blank = decodeWireBytes(utf8(' \n\r\n\t \u00a0\n'));
    expect(blank.ok).toBe(false);
    expect(!blank.ok && blank.error).toMatch(/empty/);
  });

  it('refuses a file over 2 MB', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(decodeWireBytes(big)).toEqual({ ok: false, error: 'File is larger than 2 MB.' });
  });

  it('accepts a file of exactly 2 MB', () => {
    expect(decodeWireBytes(new Uint8Array(MAX_FILE_BYTES).fill(0x61)).ok).toBe(true);
  });

  it.each([
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], /PNG image/],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46], /JPEG image/],
    ['PDF', [...utf8('%PDF-1.7\n%âãÏÓ\n')], /PDF document/],
    ['DOCX', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], /ZIP archive/],
  ])('refuses a %s renamed .txt, saying what it is', (_name, bytes, message) => {
    const result = decodeWireBytes(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(message);
  });

  it('refuses NUL bytes', () => {
    const result = decodeWireBytes(new Uint8Array([...utf8('Hanoi (VNA) '), 0, ...utf8('text')]));
    expect(!result.ok && result.error).toMatch(/NUL/);
  });

  it('refuses text full of control characters, strips a stray one', () => {
    const binary = decodeWireBytes(utf8('a\u0001b\u0002c\u0003d\u0004e\u0005'));
    expect(!binary.ok && binary.error).toMatch(/control characters/);
    const stray = decodeWireBytes(utf8('Le ministre\u001a a dit'));
    expect(stray.ok && stray.text).toBe('Le ministre a dit');
  });
});
