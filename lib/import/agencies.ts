// Agency registry: the news agencies and publications whose names sign, date and credit wire
// copy, as data. Adding one is one line; the dateline reader and the sign-off finder read it.

export interface Agency {
  /** Every way the copy writes it, as written ("VOVworld", "Nhân Dân"). */
  forms: readonly string[];
  /** Only ever seen after another agency ("VNA/VI"): alone it is a Roman numeral or a word. */
  combinedOnly?: boolean;
}

export const AGENCIES: readonly Agency[] = [
  { forms: ["VNA", "TTXVN"] }, // Vietnam News Agency, in English and Vietnamese
  { forms: ["AVI"] }, // Agence vietnamienne d'information, VNA's French service
  { forms: ["VI"], combinedOnly: true }, // VNA's English desk code: "- VNA/VI"
  { forms: ["VOV", "VOVworld", "VOV.VN"] }, // Voice of Vietnam
  { forms: ["CVN"] }, // Le Courrier du Vietnam
  { forms: ["WVR"] }, // World & Vietnam Report
  { forms: ["Nhân Dân", "Nhan Dan", "NDEL", "NDO"] }, // Nhân Dân, its French and English editions
  { forms: ["VNS"] }, // Viet Nam News
  { forms: ["VGP"] }, // the Government's portal
  { forms: ["AFP"] },
  { forms: ["AP"] },
  { forms: ["Reuters"] },
  { forms: ["Xinhua"] },
  { forms: ["Kyodo"] },
  { forms: ["Yonhap"] },
  { forms: ["Bernama"] },
  { forms: ["TASS"] },
  { forms: ["Sputnik"] },
  { forms: ["ANTARA"] },
  { forms: ["PNA"] },
  { forms: ["KPL"] },
  { forms: ["AKP"] },
  { forms: ["Prensa Latina"] },
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Longest first, so "VOVworld" is tried before "VOV"; a form never runs on into a letter. */
const alternation = (forms: readonly string[]): string =>
  `(?:${[...forms]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})(?![\\p{L}\\p{N}])`;

const ALL_FORMS = alternation(AGENCIES.flatMap((agency) => agency.forms));
const STANDALONE_FORMS = alternation(AGENCIES.filter((agency) => !agency.combinedOnly).flatMap((agency) => agency.forms));

/**
 * Regex source for one agency or several combined ("VOV/VNA", "Xinhua/VNA", "VNA-VI"); the first
 * must be able to stand alone. No capture groups: callers wrap it.
 */
export const AGENCY_COMBINATION = `${STANDALONE_FORMS}(?:\\s?[/-]\\s?${ALL_FORMS})*`;

/** Whether the text is one agency, or several combined, as written. */
export function isAgency(text: string): boolean {
  return new RegExp(`^${AGENCY_COMBINATION}$`, "u").test(text.trim());
}

// Every written form to the agency's first form, which names it: "TTXVN" and "VNA" are one agency.
const NAME_OF_FORM = new Map(AGENCIES.flatMap((agency) => agency.forms.map((form) => [form, agency.forms[0]!] as const)));
const FIRST_AGENCY = new RegExp(`(?<![\\p{L}\\p{N}])(${STANDALONE_FORMS})`, "u");

/** The first agency a text names (a dateline's source, a sign-off), by its first form; null when none. */
export function agencyNamed(text: string): string | null {
  const form = FIRST_AGENCY.exec(text)?.[1];
  return form === undefined ? null : (NAME_OF_FORM.get(form) ?? null);
}
