// Closed-class (function) words of English and French, most frequent first. They are the only
// one- and two-letter words a glued token may be split into, and French's stand-in for a
// frequency list (the French word list has no counts): earlier in the list = more frequent.

export const ENGLISH_FUNCTION_WORDS: readonly string[] = (
  "the of and to a in is that for it as was with on be by at he this are from or have an which " +
  "not has but they his were had its their been we will would all there also who more can " +
  "after into than other some about these over such may up out any most " +
  "when our them her she him if no so do what between under while during both each those " +
  "through should could must being very since without against among within before until upon " +
  "us we our per via across towards toward amid along"
).split(" ");

export const FRENCH_FUNCTION_WORDS: readonly string[] = (
  "de la le et les des en du un une à a au est que qui pour dans par sur il ne pas plus ce se " +
  "avec son sa ses aux ont sont ou elle leur leurs cette été être ces mais nous vous ils elles " +
  "on y lui comme tout tous toute toutes aussi entre deux lors selon sans sous vers depuis " +
  "après avant contre pendant chez dont où si non très bien déjà encore même ainsi donc car ni " +
  "or cet celui celle ceux celles autre autres chaque plusieurs quelques notre nos votre vos " +
  "mon ma mes ton ta tes je tu me te avait avaient sera seront fait peut doit était étaient " +
  "quand lorsque puis alors ici là tant tôt afin dès parmi près"
).split(" ");

/**
 * Word-forming prefixes: "overflight", "socioéconomique", "cyberattaque" are single words even
 * when the dictionary misses them, so a split after one of these is refused unless the other
 * half is a function word ("upto"). "in" is left out: "inthe" is a common glue.
 */
export const BOUND_PREFIXES: ReadonlySet<string> = new Set(
  (
    "over under out up down counter cross self non co re pre post anti inter intra multi sub " +
    "super trans socio macro micro geo bio eco euro mega mini semi ultra pan para neo pro tele " +
    "photo hydro agro petro air sea back fore mid off cyber extra hyper mono poly bi tri " +
    "franco sino indo afro mal dis mis un pseudo quasi " +
    "sous sur auto néo géo éco pré contre entre télé radio pluri maxi vice"
  ).split(" "),
);

/** Word-forming second halves ("nationwide", "peacekeeping", "policymakers"): not split off a content word. */
export const BOUND_SUFFIXES: ReadonlySet<string> = new Set(
  (
    "wide like less ness ship ships hood ward wards wise fold side sides man men woman women " +
    "making maker makers building builder builders keeping keeper keepers based led owned " +
    "work works way ways where body thing one time land lands port ports line lines"
  ).split(" "),
);
