// Agency registry: the news agencies and publications whose names sign, date and credit wire
// copy, as data. Adding one is one line here, or one row the desk adds from the review screen
// (import_agency_forms, passed in as `AgencyForm`s); the dateline reader and the sign-off finder read it.

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

/** A written form the desk added: of a registered agency (by any of its forms), or of a new one. */
export type AgencyForm = { form: string; agency: string };

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Longest first, so "VOVworld" is tried before "VOV"; a form never runs on into a letter. */
const alternation = (forms: readonly string[]): string =>
  `(?:${[...forms]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})(?![\\p{L}\\p{N}])`;

/** The registry's patterns; what readers derive from them is built once per registry. */
export class AgencyRegistry {
  /**
   * Regex source for one agency or several combined ("VOV/VNA", "Xinhua/VNA", "VNA-VI"); the first
   * must be able to stand alone. No capture groups: callers wrap it.
   */
  readonly combination: string;
  /** Every written form, of every agency. */
  readonly forms: readonly string[];
  private readonly whole: RegExp;
  private readonly first: RegExp;
  private readonly nameOfForm: Map<string, string>;
  private readonly derived = new Map<string, unknown>();

  constructor(agencies: readonly Agency[]) {
    this.forms = agencies.flatMap((agency) => agency.forms);
    const all = alternation(this.forms);
    const standalone = alternation(agencies.filter((agency) => !agency.combinedOnly).flatMap((agency) => agency.forms));
    this.combination = `${standalone}(?:\\s?[/-]\\s?${all})*`;
    this.whole = new RegExp(`^${this.combination}$`, "u");
    this.first = new RegExp(`(?<![\\p{L}\\p{N}])(${standalone})`, "u");
    // Every written form to the agency's first form, which names it: "TTXVN" and "VNA" are one agency.
    this.nameOfForm = new Map(agencies.flatMap((agency) => agency.forms.map((form) => [form, agency.forms[0]!] as const)));
  }

  /** Whether the text is one agency, or several combined, as written. */
  isAgency(text: string): boolean {
    return this.whole.test(text.trim());
  }

  /** The first agency a text names (a dateline's source, a sign-off), by its first form; null when none. */
  agencyNamed(text: string): string | null {
    const form = this.first.exec(text)?.[1];
    return form === undefined ? null : (this.nameOfForm.get(form) ?? null);
  }

  /** A reader's patterns built from `combination`, once for this registry. */
  derive<T>(name: string, build: (combination: string) => T): T {
    if (!this.derived.has(name)) this.derived.set(name, build(this.combination));
    return this.derived.get(name) as T;
  }
}

/** The built-in agencies with the desk's forms: each joins its agency's forms, or makes a new agency. */
export function withDeskForms(forms: readonly AgencyForm[]): Agency[] {
  const agencies = AGENCIES.map((agency) => ({ ...agency, forms: [...agency.forms] }));
  for (const { form, agency } of forms) {
    if (agencies.some((known) => known.forms.includes(form))) continue;
    const owner = agencies.find((known) => known.forms.includes(agency));
    if (owner) owner.forms.push(form);
    else agencies.push({ forms: agency === form ? [form] : [agency, form] });
  }
  return agencies;
}

const BUILT_IN = new AgencyRegistry(AGENCIES);
// Registries with the desk's forms, by those forms: a worker parses many files with the same few.
const registries = new Map<string, AgencyRegistry>();
let active = BUILT_IN;

function registryFor(forms: readonly AgencyForm[]): AgencyRegistry {
  if (forms.length === 0) return BUILT_IN;
  const key = JSON.stringify(forms.map(({ form, agency }) => [form, agency]));
  let registry = registries.get(key);
  if (!registry) {
    if (registries.size >= 16) registries.clear();
    registry = new AgencyRegistry(withDeskForms(forms));
    registries.set(key, registry);
  }
  return registry;
}

/**
 * Runs `read` (synchronous: one file's parse) with the desk's forms in the registry every reader
 * consults; the built-in registry again after, whatever happens.
 */
export function withAgencyForms<T>(forms: readonly AgencyForm[] | undefined, read: () => T): T {
  const previous = active;
  active = registryFor(forms ?? []);
  try {
    return read();
  } finally {
    active = previous;
  }
}

/** The registry in force: the built-in one, with the desk's forms inside withAgencyForms. */
export function agencies(): AgencyRegistry {
  return active;
}

/** Whether the text is one agency, or several combined, as written. */
export function isAgency(text: string): boolean {
  return active.isAgency(text);
}

/** The first agency a text names (a dateline's source, a sign-off), by its first form; null when none. */
export function agencyNamed(text: string): string | null {
  return active.agencyNamed(text);
}
