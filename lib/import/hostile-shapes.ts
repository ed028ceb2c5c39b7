// Hostile inputs for the pipeline (issue 26): the shapes that once made a step superlinear or
// that a careless step would make so. Shared by the linear-time test and the benchmark.

const DATELINE = "Hanoï (VNA) – Le ministre des Affaires étrangères a reçu mercredi son homologue.\n";

/** Deterministic pseudo-random text over an alphabet. */
function noise(length: number, alphabet: string, seed: number): string {
  const chars: string[] = [];
  let state = seed || 1;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    chars.push(alphabet.charAt(state % alphabet.length));
  }
  return chars.join("");
}

/** Each shape as a text of about `length` characters (seeded where it is random). */
export const HOSTILE_SHAPES: Record<string, (length: number, seed: number) => string> = {
  "a long token (base64)": (n, seed) => DATELINE + noise(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", seed),
  "a long token of lower-case letters": (n, seed) => DATELINE + noise(n, "etaoinshrdlucmfwypvbgkqjxzéèà", seed),
  "a long line of symbols": (n, seed) => DATELINE + noise(n, "=-*#~.,;:!?/_|<>", seed),
  "thousands of blank lines": (n) => DATELINE + "\n".repeat(n) + "Fin du texte.\n",
  "a block repeated": (n) =>
    (DATELINE + "Le Vietnam et la France renforcent leur coopération.\n\n").repeat(Math.max(1, Math.ceil(n / 137))),
  "French text without spaces": (n) => DATELINE + "Leministredesaffairesétrangèresareçumercredisonhomologue.".repeat(Math.ceil(n / 57)),
  "English text without spaces": (n) =>
    "Hanoi (VNA) - The minister met.\n" + "theministermethiscounterpartonwednesday,".repeat(Math.ceil(n / 40)),
  "one letter": (n) => "a".repeat(n),
};

/** A shape as UTF-8 bytes cut to at most `maxBytes` (the upload limit, say). */
export function hostileFile(shape: string, maxBytes: number, seed = 7): Uint8Array {
  const bytes = new TextEncoder().encode(HOSTILE_SHAPES[shape]!(maxBytes, seed));
  // Cutting inside a multi-byte character leaves a stray byte: back off to a character start.
  let end = Math.min(bytes.length, maxBytes);
  while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}
