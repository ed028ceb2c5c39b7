// The media library's limits and accepted formats: one place, read by the upload checks, the
// uploader's early refusal in the browser, the derivatives and the README.
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
/** Checked on the header's dimensions before any pixel is decoded (decompression bombs). */
export const MAX_PIXELS = 40_000_000;
/** A single side longer than this is refused even under the pixel budget (a 1 × 40 M strip). */
export const MAX_SIDE = 20_000;
/** Widths of the resized copies; an image narrower than one of them is never upscaled. */
export const VARIANT_WIDTHS = [400, 800, 1600] as const;
export const VARIANT_FORMATS = ["avif", "webp"] as const;

export const ACCEPTED_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
} as const;

export type AcceptedType = keyof typeof ACCEPTED_TYPES;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];

export const CONTENT_TYPE_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
};
