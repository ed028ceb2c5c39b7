// Wire stories for the imports' integration tests: each one unique (its own topic and numbers), so
// parallel test files never see each other's texts as duplicates.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

/** A wire story in the samples' style, made unique so parallel test files never collide. */
export function wireStory(topic = randomUUID().slice(0, 8)) {
  const text = ` date 2024-03 Le ministre des Affaires étrangères Bui Thanh Son. Photo : VNA

Hanoï (VNA) – Le ministre des Affaires étrangères Bui Thanh Son a reçu le 12 mars à Hanoï l’ambassadeur du Japon pour le dossier ${topic}, afin de renforcer leministre coopération économique entre les deux pays.

Les deux parties ont passé en revue la mise en œuvre des accords signés et sont convenues de promouvoir les échanges de délégations de haut niveau, le commerce, l’investissement et le tourisme.

Le ministre a salué la contribution des entreprises japonaises au développement socioéconomique du Vietnam et souhaité davantage d’investissements dans les technologies vertes.

L’ambassadeur a affirmé que le Japon considère le Vietnam comme un partenaire important dans la région et continuera à soutenir le pays dans la formation des ressources humaines./.

Voir plus

Un autre article sans rapport
`;
  return { name: `story-${topic}.txt`, bytes: new TextEncoder().encode(distinct(text)), topic };
}

/** Numbers sprinkled through the body so no two stories share word shingles (no near-duplicates). */
function distinct(text: string): string {
  const [header, ...paragraphs] = text.split("\n\n");
  const sprinkled = paragraphs.map((paragraph, index) => {
    if (paragraph.startsWith("Voir plus") || paragraph.startsWith("Un autre")) return paragraph;
    return paragraph
      .split(" ")
      .map((word, position) => (position % 4 === 3 && (index > 0 || position > 24) ? `${word} ${Math.floor(Math.random() * 1e6)}` : word))
      .join(" ");
  });
  return [header, ...sprinkled].join("\n\n");
}

/** Articles whose body mentions the story's topic. */
export const articlesTitled = (fragment: string) => db.articleVersion.count({ where: { bodyText: { contains: fragment } } });
