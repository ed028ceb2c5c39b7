// Turns uploaded bytes into what the library stores: checks (size, real type, header dimensions)
// before any decoding, then a cleaned original (orientation applied, EXIF gone) and resized
// AVIF/WebP copies, all made with sharp.
import sharp, { type Sharp } from "sharp";
import { readPhotoRights, type PhotoRights } from "./exif";
import {
  ACCEPTED_TYPES,
  MAX_PIXELS,
  MAX_SIDE,
  MAX_UPLOAD_BYTES,
  VARIANT_FORMATS,
  VARIANT_WIDTHS,
  type AcceptedType,
  type VariantFormat,
} from "./limits";
import { Refusal, type RefusalCode } from "@/lib/refusal";
import { headerDimensions, sniffImageType, type ForeignKind } from "./sniff";

export type CheckedUpload = { type: AcceptedType; width: number; height: number };
export type EncodedImage = { bytes: Buffer; width: number; height: number };
export type ProcessedImage = {
  type: AcceptedType;
  extension: string;
  original: EncodedImage;
  variants: (EncodedImage & { format: VariantFormat })[];
  rights: PhotoRights;
};

const REFUSAL_BY_KIND: Record<ForeignKind, Extract<RefusalCode, `media.errors.${string}`>> = {
  svg: "media.errors.svg",
  executable: "media.errors.executable",
  gif: "media.errors.unsupportedImage",
  tiff: "media.errors.unsupportedImage",
  bmp: "media.errors.unsupportedImage",
  heic: "media.errors.unsupportedImage",
  pdf: "media.errors.notImage",
  archive: "media.errors.notImage",
  html: "media.errors.notImage",
  unknown: "media.errors.notImage",
};

/** Everything that can be decided without decoding pixels: size, real type, announced dimensions. */
export function checkUpload(bytes: Uint8Array): CheckedUpload {
  if (bytes.length === 0) throw new Refusal("media.errors.empty");
  if (bytes.length > MAX_UPLOAD_BYTES) throw new Refusal("media.errors.tooLarge");
  const sniffed = sniffImageType(bytes);
  if (!sniffed.ok) throw new Refusal(REFUSAL_BY_KIND[sniffed.kind]);
  const dimensions = headerDimensions(bytes, sniffed.type);
  if (!dimensions || dimensions.width < 1 || dimensions.height < 1) throw new Refusal("media.errors.corrupt");
  assertPixelBudget(dimensions.width, dimensions.height);
  return { type: sniffed.type, ...dimensions };
}

function assertPixelBudget(width: number, height: number) {
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) throw new Refusal("media.errors.tooManyPixels");
}

// sharp refuses anything over the budget itself too, and any truncated or damaged data.
const decodeOptions = { limitInputPixels: MAX_PIXELS, failOn: "warning" } as const;

/** The checks, then the cleaned original and every resized copy; refuses damaged files. */
export async function processImage(bytes: Uint8Array): Promise<ProcessedImage> {
  const checked = checkUpload(bytes);
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const metadata = await sharp(input, decodeOptions).metadata();
    if (!metadata.width || !metadata.height) throw new Refusal("media.errors.corrupt");
    assertPixelBudget(metadata.width, metadata.height);
    const rights = readPhotoRights(metadata.exif);

    // `.rotate()` applies the EXIF orientation; sharp writes no metadata unless asked, so the
    // stored files carry neither GPS nor camera data.
    const original = await encode(sharp(input, decodeOptions).rotate(), checked.type);
    const variants: ProcessedImage["variants"] = [];
    for (const width of variantWidths(original.width)) {
      for (const format of VARIANT_FORMATS) {
        const pipeline = sharp(input, decodeOptions).rotate().resize({ width, withoutEnlargement: true });
        variants.push({ ...(await encode(pipeline, format)), format });
      }
    }
    return { type: checked.type, extension: ACCEPTED_TYPES[checked.type], original, variants, rights };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    // libvips reports truncated, damaged or oversized input as plain errors.
    const message = error instanceof Error ? error.message : String(error);
    if (/pixel limit/i.test(message)) throw new Refusal("media.errors.tooManyPixels");
    throw new Refusal("media.errors.corrupt");
  }
}

/** 400/800/1600, never wider than the picture; a picture narrower than 1600 adds its own width. */
export function variantWidths(originalWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((width) => width <= originalWidth);
  if (originalWidth < VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!) widths.push(originalWidth);
  return [...new Set(widths)].sort((a, b) => a - b);
}

async function encode(pipeline: Sharp, format: AcceptedType | VariantFormat): Promise<EncodedImage> {
  const formatted =
    format === "image/jpeg"
      ? pipeline.jpeg({ quality: 88, mozjpeg: true })
      : format === "image/png"
        ? pipeline.png({ compressionLevel: 9 })
        : format === "image/webp"
          ? pipeline.webp({ quality: 88 })
          : format === "image/avif"
            ? pipeline.avif({ quality: 70, effort: 2 })
            : format === "webp"
              ? pipeline.webp({ quality: 78 })
              : pipeline.avif({ quality: 55, effort: 2 });
  const { data, info } = await formatted.toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}
