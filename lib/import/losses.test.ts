import { describe, expect, it } from "vitest";
import { importWireText } from "./index";
import { findLosses, lossReason } from "./losses";
import type { Change } from "./types";

const removed = (before: string, kind: Change["kind"] = "trailer-removed"): Change => ({ id: `${kind}:1`, kind, before });

describe("lossReason", () => {
  it("flags a removal that takes a dateline, a quotation or a number with a unit", () => {
    expect(lossReason(removed("Hanoï (VNA) – Le ministre a reçu son homologue."), 10_000)).toBe("dateline");
    expect(lossReason(removed("« Nous voulons aller plus loin ensemble », a déclaré le ministre."), 10_000)).toBe("quotation");
    expect(lossReason(removed("Trade reached “a record level for both countries” last year."), 10_000)).toBe("quotation");
    expect(lossReason(removed("Les échanges ont atteint 50 milliards de dollars."), 10_000)).toBe("quantity");
    expect(lossReason(removed("The plant will produce 1,200 MW from 2026."), 10_000)).toBe("quantity");
    expect(lossReason(removed("Exports rose 12.5% in the first half."), 10_000)).toBe("quantity");
    expect(lossReason(removed("a loan of US$300 million"), 10_000)).toBe("quantity");
  });

  it("flags any removal of more than a third of the text", () => {
    expect(lossReason(removed("Accueil Politique Économie Société Culture Sports", "page-chrome-removed"), 120)).toBe("large");
    expect(lossReason(removed("Le même paragraphe, collé deux fois par erreur.", "duplicate-block-removed"), 100)).toBe("large");
  });

  it("leaves chrome, links and sign-offs alone, and text moved to a field of its own", () => {
    expect(lossReason(removed("Accueil | Politique | Économie", "page-chrome-removed"), 10_000)).toBeNull();
    expect(lossReason(removed("- VNA", "signoff-removed"), 10_000)).toBeNull();
    expect(lossReason(removed("Lire aussi : Le Vietnam et le Japon", "link-removed"), 10_000)).toBeNull();
    // A year is a number, not a quantity; a page number is not one either.
    expect(lossReason(removed("© 2024 Le Courrier du Vietnam, page 2"), 10_000)).toBeNull();
    expect(lossReason(removed("Le port traite 3 millions de tonnes. Photo : VNA", "caption-extracted"), 100)).toBeNull();
    expect(lossReason({ kind: "glued-word-split", before: "50dollars", after: "50 dollars" }, 100)).toBeNull();
    expect(lossReason(removed("« Nous voulons aller plus loin ensemble »", "repeat-removed"), 10_000)).toBeNull();
  });
});

describe("findLosses on the pipeline's own changes", () => {
  it("flags a sign-off trailer that carried a quantity, and nothing in a clean story", () => {
    const text = [
      "Le Vietnam et le Japon renforcent leur coopération",
      "Hanoï (VNA) – Le ministre des Affaires étrangères a reçu mardi son homologue japonais à Hanoï pour examiner la coopération.",
      "Les deux parties ont salué la hausse des échanges commerciaux entre les deux pays./.",
      "Lire aussi : Les exportations de riz atteignent 8 millions de tonnes",
    ].join("\n");
    const result = importWireText(new TextEncoder().encode(text));
    if (!result.ok) throw new Error(result.refusal.code);
    const { article } = result;
    const kept = [article.title, article.lead ?? "", ...article.paragraphs].join("\n");
    const losses = findLosses(article.changes, kept);
    expect(losses.map((loss) => loss.reason)).toEqual(["quantity"]);
    expect(article.changes.find((change) => change.id === losses[0]!.changeId)?.before).toContain("8 millions de tonnes");
  });
});
