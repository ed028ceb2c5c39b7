// Type sniffing, header dimensions and limits, on tiny images made here with sharp.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkUpload, processImage, variantWidths } from "./derivatives";
import { MAX_UPLOAD_BYTES } from "./limits";
import { Refusal } from "@/lib/refusal";
import { headerDimensions, sniffImageType } from "./sniff";

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } });

async function refusalOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    if (error instanceof Refusal) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A PNG signature and IHDR chunk announcing the given size, with no pixel data after it. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 2, 0, 0, 0], 24);
  return bytes;
}

describe("sniffImageType", () => {
  it("recognises the four accepted formats from their bytes", async () => {
    expect(sniffImageType(await solid(8, 6).jpeg().toBuffer())).toEqual({ ok: true, type: "image/jpeg" });
    expect(sniffImageType(await solid(8, 6).png().toBuffer())).toEqual({ ok: true, type: "image/png" });
    expect(sniffImageType(await solid(8, 6).webp().toBuffer())).toEqual({ ok: true, type: "image/webp" });
    expect(sniffImageType(await solid(8, 6).avif().toBuffer())).toEqual({ ok: true, type: "image/avif" });
  });

  it("names what a refused file is", async () => {
    expect(sniffImageType(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]))).toEqual({ ok: false, kind: "executable" });
    expect(sniffImageType(new TextEncoder().encode("MZ\x90\x00 this program cannot be run in DOS mode"))).toEqual({
      ok: false,
      kind: "executable",
    });
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    expect(sniffImageType(new TextEncoder().encode(svg))).toEqual({ ok: false, kind: "svg" });
    expect(sniffImageType(await solid(4, 4).gif().toBuffer())).toEqual({ ok: false, kind: "gif" });
    expect(sniffImageType(new TextEncoder().encode("%PDF-1.7"))).toEqual({ ok: false, kind: "pdf" });
    expect(sniffImageType(new Uint8Array())).toEqual({ ok: false, kind: "unknown" });
  });
});

describe("headerDimensions", () => {
  it("reads the size every format announces without decoding", async () => {
    for (const format of ["jpeg", "png", "webp", "avif"] as const) {
      const bytes = await solid(37, 21).toFormat(format).toBuffer();
      const sniffed = sniffImageType(bytes);
      if (!sniffed.ok) throw new Error(format);
      expect(headerDimensions(bytes, sniffed.type), format).toEqual({ width: 37, height: 21 });
    }
    expect(headerDimensions(await solid(37, 21).webp({ lossless: true }).toBuffer(), "image/webp")).toEqual({ width: 37, height: 21 });
  });

  it("reads a bomb's claimed size from the PNG header alone", () => {
    expect(headerDimensions(pngHeader(100_000, 100_000), "image/png")).toEqual({ width: 100_000, height: 100_000 });
  });
});

describe("checkUpload and processImage", () => {
  it("refuses a PNG header claiming 100000 × 100000 before decoding", async () => {
    expect(await refusalOf(() => checkUpload(pngHeader(100_000, 100_000)))).toBe("media.errors.tooManyPixels");
    expect(await refusalOf(processImage(pngHeader(100_000, 100_000)))).toBe("media.errors.tooManyPixels");
    expect(await refusalOf(() => checkUpload(pngHeader(30_000, 10)))).toBe("media.errors.tooManyPixels");
  });

  it("refuses executables, SVG, empty and oversized files with their own message", async () => {
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await refusalOf(() => checkUpload(elf))).toBe("media.errors.executable");
    expect(await refusalOf(() => checkUpload(new TextEncoder().encode('<svg onload="alert(1)"></svg>')))).toBe("media.errors.svg");
    expect(await refusalOf(() => checkUpload(new Uint8Array()))).toBe("media.errors.empty");
    const huge = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await refusalOf(() => checkUpload(huge))).toBe("media.errors.tooLarge");
  });

  it("refuses a truncated JPEG", async () => {
    const full = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#3366aa" } })
      .composite([{ input: await solid(100, 100).png().toBuffer(), left: 20, top: 20 }])
      .jpeg()
      .toBuffer();
    const truncated = full.subarray(0, Math.floor(full.length * 0.6));
    expect(checkUpload(truncated)).toMatchObject({ type: "image/jpeg", width: 300, height: 200 });
    expect(await refusalOf(processImage(truncated))).toBe("media.errors.corrupt");
  });

  it("applies the EXIF orientation, strips EXIF but keeps the artist and copyright", async () => {
    const bytes = await solid(60, 40)
      .jpeg()
      .withExif({ IFD0: { Artist: "Nguyen Van A / VNA", Copyright: "(c) VNA 2026" }, IFD2: { DateTimeOriginal: "2026:11:20 08:30:00" } })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(bytes).metadata()).orientation).toBe(6);
    const processed = await processImage(bytes);
    expect(processed.rights.credit).toBe("Nguyen Van A / VNA");
    expect(processed.rights.copyright).toBe("(c) VNA 2026");
    expect(processed.rights.takenAt?.toISOString().slice(0, 10)).toBe("2026-11-20");
    // Orientation 6 is a quarter turn: the stored picture is upright, 40 × 60.
    expect([processed.original.width, processed.original.height]).toEqual([40, 60]);
    const stored = await sharp(processed.original.bytes).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation ?? 1).toBe(1);
  });

  it("makes AVIF and WebP copies at 400/800/1600 without upscaling", async () => {
    const processed = await processImage(await solid(1000, 500).png().toBuffer());
    expect(processed.variants.map((variant) => `${variant.format}@${variant.width}x${variant.height}`)).toEqual([
      "avif@400x200",
      "webp@400x200",
      "avif@800x400",
      "webp@800x400",
      "avif@1000x500",
      "webp@1000x500",
    ]);
    for (const variant of processed.variants) expect(sniffImageType(variant.bytes)).toEqual({ ok: true, type: `image/${variant.format}` });
    expect(variantWidths(200)).toEqual([200]);
    expect(variantWidths(4000)).toEqual([400, 800, 1600]);
  });
});
