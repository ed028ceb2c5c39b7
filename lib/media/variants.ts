// The shape of MediaAsset.variants (JSON written by the service) and the URLs built from it.
import { z } from "zod";
import { VARIANT_FORMATS } from "./limits";

export const storedVariantSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  format: z.enum(VARIANT_FORMATS),
  key: z.string(),
  bytes: z.number().int().nonnegative(),
});

export type StoredVariant = z.infer<typeof storedVariantSchema>;

/** Variants as stored, narrowest first; anything malformed is skipped rather than crashing a page. */
export function parseVariants(json: unknown): StoredVariant[] {
  if (!Array.isArray(json)) return [];
  return json
    .map((entry) => storedVariantSchema.safeParse(entry))
    .flatMap((result) => (result.success ? [result.data] : []))
    .sort((a, b) => a.width - b.width);
}

/** Keys of every file an asset owns: its original and its variants. */
export function assetKeys(asset: { storageKey: string; variants: unknown }): string[] {
  return [asset.storageKey, ...parseVariants(asset.variants).map((variant) => variant.key)];
}
