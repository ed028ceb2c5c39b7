// Fingerprints: an exact-content sha256 of the cleaned article and a MinHash signature over
// 5-word shingles whose agreement estimates the Jaccard similarity of two articles.
import { createHash } from "node:crypto";
import { collapseWhiteSpace } from "./white-space";

export const SHINGLE_SIZE = 5;
export const SIGNATURE_SIZE = 128;

/** Lower-case, whitespace collapsed: formatting differences do not change the hash. */
export function normaliseForHash(text: string): string {
  return collapseWhiteSpace(text.normalize("NFC").toLowerCase()).trim();
}

export function contentHash(parts: readonly string[]): string {
  return createHash("sha256")
    .update(normaliseForHash(parts.join("\n")), "utf8")
    .digest("hex");
}

function words(text: string): string[] {
  return normaliseForHash(text).match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** FNV-1a, 32-bit. */
function hashString(text: string): number {
  return fnvOn(FNV_OFFSET, text) >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixed 32-bit permutation. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// One fixed seed per signature slot; XOR-then-mix acts as an independent hash per slot.
const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, slot) => mix(0x9e3779b9 ^ Math.imul(slot + 1, 0x27d4eb2d)));

export function shingles(text: string, size = SHINGLE_SIZE): string[] {
  const tokens = words(text);
  if (tokens.length === 0) return [];
  if (tokens.length <= size) return [tokens.join(" ")];
  const result: string[] = [];
  for (let i = 0; i + size <= tokens.length; i++) result.push(tokens.slice(i, i + size).join(" "));
  return result;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 32;

/** FNV-1a state after `text`, from `hash`: hashString's loop, resumable. */
function fnvOn(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The distinct hashString values of the text's shingles, hashed as they stand in the token list (no joined strings). */
export function shingleHashes(text: string, size = SHINGLE_SIZE): Uint32Array {
  const tokens = words(text);
  if (tokens.length === 0) return new Uint32Array(0);
  if (tokens.length <= size) return Uint32Array.of(hashString(tokens.join(" ")));
  const distinct = new Set<number>();
  for (let start = 0; start + size <= tokens.length; start++) {
    let h = fnvOn(FNV_OFFSET, tokens[start]!);
    for (let next = start + 1; next < start + size; next++) h = fnvOn(Math.imul(h ^ SPACE, FNV_PRIME), tokens[next]!);
    distinct.add(h >>> 0);
  }
  return Uint32Array.from(distinct);
}

export function minHashSignature(text: string): number[] {
  // mix() inlined, one slot at a time over the distinct shingles with its minimum in a local: ~800
  // shingles x 128 slots per article made this a tenth of the pipeline, then a fifth. Same values
  // as mix(shingle ^ seed) in unsigned 32 bits.
  const hashes = shingleHashes(text);
  const signature = new Array<number>(SIGNATURE_SIZE);
  for (let slot = 0; slot < SIGNATURE_SIZE; slot++) {
    const seed = SEEDS[slot]!;
    let minimum = 0xffffffff;
    for (let index = 0; index < hashes.length; index++) {
      let h = hashes[index]! ^ seed;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      const value = h >>> 0;
      if (value < minimum) minimum = value;
    }
    signature[slot] = minimum;
  }
  return signature;
}

/** Estimated Jaccard similarity (0-1) of the shingle sets behind two signatures. */
export function similarity(signatureA: readonly number[], signatureB: readonly number[]): number {
  if (signatureA.length !== signatureB.length) {
    throw new Error(`Signatures differ in length (${signatureA.length} vs ${signatureB.length}).`);
  }
  if (signatureA.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < signatureA.length; i++) if (signatureA[i] === signatureB[i]) equal++;
  return equal / signatureA.length;
}

const BAND_SIZE = 4;

/** The signature as signed 32-bit integers (PostgreSQL's `integer`); equality is preserved. */
export function signatureForStorage(signature: readonly number[]): number[] {
  return signature.map((value) => value | 0);
}

/**
 * Locality-sensitive bands: 32 bands of 4 slots, each hashed to one signed 32-bit integer. Two
 * texts of similarity s share a band with probability 1 - (1 - s^4)^32 (0.98 at s = 0.6), so an
 * indexed array overlap finds near-duplicate candidates without comparing every signature.
 */
export function signatureBands(signature: readonly number[]): number[] {
  const bands: number[] = [];
  for (let start = 0; start + BAND_SIZE <= signature.length; start += BAND_SIZE) {
    bands.push(hashString(`${start}:${signature.slice(start, start + BAND_SIZE).join(",")}`) | 0);
  }
  return bands;
}
