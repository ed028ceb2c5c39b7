// Words that start sentences, name months and days, or give someone's title: capitalised, yet never
// part of an entity's name. Titles become context (they say the name is a person's), not the name.
import { normalizeForMatch } from "./normalize";

function keys(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter(Boolean).map(normalizeForMatch));
}

/** Function words and common sentence openers, French and English. */
export const STOP_WORDS = keys(`
  a an the this that these those there here it its he she they we you i his her their our my your
  in on at by for from to of with without about after before during since until under over between among
  and or but so if as when while where which who whom whose what why how not no yes also then thus
  however moreover meanwhile therefore furthermore besides although though because despite amid amidst
  regarding according following including speaking building reviewing welcoming participants consequently
  firstly secondly thirdly finally lastly first second third today yesterday tomorrow domestically
  le la les l un une des du de d ce cet cette ces il elle ils elles on nous vous je j leur leurs son sa ses
  dans sur sous par pour avec sans entre vers chez contre selon lors depuis pendant avant apres durant malgre
  et ou mais donc or ni car que qui quoi dont c s n qu m t y aussi ainsi puis cependant toutefois
  neanmoins pourtant enfin premierement deuxiemement troisiemement aujourd hui hier demain
  voir plus lire photo source state heads missions north south east west nord sud est ouest
`);

/** Never part of a name, wherever they stand: trailers, credits, nationality adjectives. */
export const NEVER_NAMES = keys(`
  tin lien quan voir lire photo
  vietnamese vietnamien vietnamienne vietnamiens vietnamiennes korean coreen coreenne japanese japonais japonaise
  chinese chinois chinoise american americain americaine european europeen europeenne french francais francaise
  english anglais anglaise asian asiatique
`);

export const MONTHS_AND_DAYS = keys(`
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
  monday tuesday wednesday thursday friday saturday sunday
  lundi mardi mercredi jeudi vendredi samedi dimanche
`);

/** Titles and forms of address: context before a person's name. */
export const TITLES = keys(`
  mr mrs ms miss dr prof sir madam m mme mlle monsieur madame
  minister ministers deputy vice prime president presidents vice-president chairman chairwoman chair
  secretary general secretary-general ambassador ambassadors speaker head heads chief director leader
  leaders official spokesperson spokesman spokeswoman counterpart representative commissioner envoy
  foreign affairs high assistant permanent senior king queen prince princess emperor governor mayor
  general colonel lieutenant fm pm
  ministre ministres vice-ministre president presidente premier premiere secretaire generale ambassadeur
  ambassadrice chef chefs directeur directrice porte-parole homologue representant representante
  commissaire envoye affaires etrangeres adjoint adjointe roi reine gouverneur maire general
`);

export const ORGANISATION_WORDS = keys(`
  ministry ministries committee agency council association union bank organisation organization institute
  university assembly party government department fund programme program commission secretariat office
  army court company corporation group federation news network authority alliance community
  ministere comite agence conseil association union banque organisation institut universite assemblee
  parti gouvernement departement fonds programme commission secretariat bureau armee cour societe groupe
  federation commandement communaute alliance
`);

export const EVENT_WORDS = keys(`
  conference summit congress forum festival session dialogue expo games olympics meeting week
  conference sommet congres forum festival session dialogue salon jeux semaine
`);

/** Capitalised words in a name that only join its parts (`Ministry of Foreign Affairs`, `République de Corée`). */
export const CONNECTORS = keys(`of the for on de du des la le l d en sur pour`);

/** Common family names: a capitalised pair starting with one is most likely a person. */
export const FAMILY_NAMES = keys(`
  nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly doan luong dinh trinh truong
  ha mai to cao lam chu ta kieu quach thai
  kim lee park choi chung jung kang cho yoon jang lim han shin
  wang li zhang liu chen yang zhao huang zhou wu xi
`);

/** Acronyms that are not entities. */
export const NOT_ACRONYMS = keys(`
  covid ncov sars ii iii iv vi vii viii ix xi xii xiii xiv xv xx xxi ok tv am pm ap ae af
`);

/** Two-letter acronyms that are entities (longer ones are taken as they come). */
export const SHORT_ACRONYMS = keys(`un eu us uk ue g7 g20`);
