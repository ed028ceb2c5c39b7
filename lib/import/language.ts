// Language identification of the article body (French, English, Vietnamese, else 'und')
// with franc-min's trigram models.
import { franc } from 'franc-min';
import type { Language } from './types';

const ISO_639_3: Readonly<Record<string, Language>> = { fra: 'fr', eng: 'en', vie: 'vi' };

// Below this many letters trigram statistics are noise; a headline alone is not enough.
const MIN_LETTERS = 40;

export function detectLanguage(text: string): Language {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  return ISO_639_3[franc(text, { minLength: MIN_LETTERS })] ?? 'und';
}
