// The built-in list of countries (English | French | other names met in wire copy), so that a
// country named in a text is proposed as a PLACE with both its labels even before it is a tag.
import { normalizeForMatch } from "./normalize";

const COUNTRIES = `
Afghanistan|Afghanistan
Albania|Albanie
Algeria|Algérie
Andorra|Andorre
Angola|Angola
Argentina|Argentine
Armenia|Arménie
Australia|Australie
Austria|Autriche
Azerbaijan|Azerbaïdjan
Bahrain|Bahreïn
Bangladesh|Bangladesh
Belarus|Biélorussie|Bélarus
Belgium|Belgique
Benin|Bénin
Bhutan|Bhoutan
Bolivia|Bolivie
Bosnia and Herzegovina|Bosnie-Herzégovine
Botswana|Botswana
Brazil|Brésil
Brunei|Brunei|Brunei Darussalam
Bulgaria|Bulgarie
Burkina Faso|Burkina Faso
Burundi|Burundi
Cambodia|Cambodge
Cameroon|Cameroun
Canada|Canada
Cape Verde|Cap-Vert|Cabo Verde
Central African Republic|République centrafricaine|Centrafrique
Chad|Tchad
Chile|Chili
China|Chine|People's Republic of China|République populaire de Chine
Colombia|Colombie
Comoros|Comores
Republic of the Congo|République du Congo|Congo-Brazzaville
Democratic Republic of the Congo|République démocratique du Congo|RDC|DRC|Congo-Kinshasa
Costa Rica|Costa Rica
Côte d'Ivoire|Côte d'Ivoire|Ivory Coast
Croatia|Croatie
Cuba|Cuba
Cyprus|Chypre
Czech Republic|République tchèque|Czechia|Tchéquie
Denmark|Danemark
Djibouti|Djibouti
Dominican Republic|République dominicaine
Ecuador|Équateur
Egypt|Égypte
El Salvador|Salvador
Equatorial Guinea|Guinée équatoriale
Eritrea|Érythrée
Estonia|Estonie
Eswatini|Eswatini|Swaziland
Ethiopia|Éthiopie
Fiji|Fidji
Finland|Finlande
France|France
Gabon|Gabon
Gambia|Gambie
Georgia|Géorgie
Germany|Allemagne
Ghana|Ghana
Greece|Grèce
Guatemala|Guatemala
Guinea|Guinée
Guinea-Bissau|Guinée-Bissau
Guyana|Guyana
Haiti|Haïti
Honduras|Honduras
Hungary|Hongrie
Iceland|Islande
India|Inde
Indonesia|Indonésie
Iran|Iran
Iraq|Irak
Ireland|Irlande
Israel|Israël
Italy|Italie
Jamaica|Jamaïque
Japan|Japon
Jordan|Jordanie
Kazakhstan|Kazakhstan
Kenya|Kenya
Kuwait|Koweït
Kyrgyzstan|Kirghizistan
Laos|Laos|Lao PDR|RDP lao
Latvia|Lettonie
Lebanon|Liban
Lesotho|Lesotho
Liberia|Liberia
Libya|Libye
Liechtenstein|Liechtenstein
Lithuania|Lituanie
Luxembourg|Luxembourg
Madagascar|Madagascar
Malawi|Malawi
Malaysia|Malaisie
Maldives|Maldives
Mali|Mali
Malta|Malte
Mauritania|Mauritanie
Mauritius|Maurice|Île Maurice
Mexico|Mexique
Moldova|Moldavie
Monaco|Monaco
Mongolia|Mongolie
Montenegro|Monténégro
Morocco|Maroc
Mozambique|Mozambique
Myanmar|Myanmar|Birmanie|Burma
Namibia|Namibie
Nepal|Népal
Netherlands|Pays-Bas|Holland
New Zealand|Nouvelle-Zélande
Nicaragua|Nicaragua
Niger|Niger
Nigeria|Nigeria
North Macedonia|Macédoine du Nord
Norway|Norvège
Oman|Oman
Pakistan|Pakistan
Palestine|Palestine
Panama|Panama
Papua New Guinea|Papouasie-Nouvelle-Guinée
Paraguay|Paraguay
Peru|Pérou
Philippines|Philippines
Poland|Pologne
Portugal|Portugal
Qatar|Qatar
Republic of Korea|République de Corée|South Korea|Corée du Sud|R de Corée|ROK
Democratic People's Republic of Korea|République populaire démocratique de Corée|North Korea|Corée du Nord|RPDC|DPRK
Romania|Roumanie
Russia|Russie|Russian Federation|Fédération de Russie
Rwanda|Rwanda
Saudi Arabia|Arabie saoudite
Senegal|Sénégal
Serbia|Serbie
Seychelles|Seychelles
Sierra Leone|Sierra Leone
Singapore|Singapour
Slovakia|Slovaquie
Slovenia|Slovénie
Somalia|Somalie
South Africa|Afrique du Sud
South Sudan|Soudan du Sud
Spain|Espagne
Sri Lanka|Sri Lanka
Sudan|Soudan
Sweden|Suède
Switzerland|Suisse
Syria|Syrie
Tajikistan|Tadjikistan
Tanzania|Tanzanie
Thailand|Thaïlande
Timor-Leste|Timor oriental|East Timor|Timor-Leste
Togo|Togo
Tunisia|Tunisie
Turkey|Turquie|Türkiye
Turkmenistan|Turkménistan
Uganda|Ouganda
Ukraine|Ukraine
United Arab Emirates|Émirats arabes unis|UAE|EAU
United Kingdom|Royaume-Uni|UK|Britain|Great Britain|Grande-Bretagne
United States|États-Unis|United States of America|USA|US|Etats-Unis d'Amérique
Uruguay|Uruguay
Uzbekistan|Ouzbékistan
Venezuela|Venezuela
Vietnam|Vietnam|Viet Nam|Việt Nam
Yemen|Yémen
Zambia|Zambie
Zimbabwe|Zimbabwe
`;

export type Country = { en: string; fr: string };

/** Every name of every country, normalized, to its English and French labels. */
export const COUNTRY_BY_KEY: ReadonlyMap<string, Country> = (() => {
  const byKey = new Map<string, Country>();
  for (const line of COUNTRIES.trim().split("\n")) {
    const [en = "", fr = "", ...others] = line.split("|");
    const country = { en, fr };
    for (const name of [en, fr, ...others]) byKey.set(normalizeForMatch(name), country);
  }
  return byKey;
})();

export const LONGEST_COUNTRY_NAME = Math.max(...[...COUNTRY_BY_KEY.keys()].map((key) => key.split(" ").length));
