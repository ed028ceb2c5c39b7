import { describe, expect, it } from "vitest";
import { ChangeLog } from "./change-log";
import { removeMarkedTrailers, removeSignoffs } from "./trailers";

const body = [
  "Hanoï (VNA) – Le ministre a reçu l’ambassadeur du Japon pour discuter de la coopération bilatérale.",
  "Les deux parties ont convenu de renforcer les échanges.",
];

describe("removeMarkedTrailers", () => {
  it('cuts "Voir plus" and every teaser after it as one change', () => {
    const log = new ChangeLog();
    const teasers = [
      "Voir plus",
      "Lors de la cérémonie. Photo : VNA",
      "Vietnam-Laos : Coordination étroite",
      "Une cérémonie a eu lieu le 15 janvier.",
    ];
    const result = removeMarkedTrailers([...body, ...teasers], log);
    expect(result).toEqual({ blocks: body, foundTrailer: true });
    expect(log.applied).toEqual([expect.objectContaining({ kind: "trailer-removed", before: teasers.join("\n") })]);
  });

  it('cuts "TIN LIÊN QUAN" with its headline list, whatever the case', () => {
    for (const marker of ["TIN LIÊN QUAN", "Tin liên quan", "Related news:", "Read more"]) {
      const result = removeMarkedTrailers([...body, marker, "FM meets EU counterpart", "Minister visits Ireland"], new ChangeLog());
      expect(result.blocks).toEqual(body);
    }
  });

  it('removes an inline "Lire aussi" with its headline when the article goes on', () => {
    const blocks = [
      body[0] ?? "",
      "Lire aussi",
      "Le Vietnam et le Japon renforcent leur partenariat",
      body[1] ?? "",
      "Fin de l’article. – VNA",
    ];
    const result = removeMarkedTrailers(blocks, new ChangeLog());
    expect(result.blocks).toEqual([body[0], body[1], "Fin de l’article. – VNA"]);
    const sameLine = removeMarkedTrailers([body[0] ?? "", "Lire aussi : Le Vietnam et le Japon", body[1] ?? "", "/."], new ChangeLog());
    expect(sameLine.blocks).toEqual([body[0], body[1], "/."]);
  });

  it('cuts at "Lire aussi" when nothing of the article follows', () => {
    expect(removeMarkedTrailers([...body, "Lire aussi", "Un autre titre"], new ChangeLog()).blocks).toEqual(body);
  });

  it("leaves a body sentence that merely starts like a marker", () => {
    const blocks = ["Related agencies will coordinate the response, the ministry said.", "Voir plus loin les annexes du rapport."];
    expect(removeMarkedTrailers(blocks, new ChangeLog())).toEqual({ blocks, foundTrailer: false });
  });

  it("keeps the trailer when its change is reverted", () => {
    const log = new ChangeLog();
    removeMarkedTrailers([...body, "Voir plus", "Teaser"], log);
    const id = log.applied[0]?.id ?? "";
    const kept = removeMarkedTrailers([...body, "Voir plus", "Teaser"], new ChangeLog(new Set([id])));
    expect(kept.blocks).toEqual([...body, "Voir plus", "Teaser"]);
  });
});

describe("removeSignoffs", () => {
  it.each([
    ["pays. –VNA", "pays."],
    ["pays. - VNA", "pays."],
    ["de travail… - VNA", "de travail…"],
    ["internationale (KOICA).- VNA", "internationale (KOICA)."],
    ["in conflict-hit areas, Son said./.", "in conflict-hit areas, Son said."],
    ["the minister said/.", "the minister said."],
    ["le ministre à Hanoi -VNA", "le ministre à Hanoi."],
    ["le ministre — VNA", "le ministre."],
  ])("strips the sign-off from %j and ends the text cleanly", (paragraph, cleaned) => {
    const log = new ChangeLog();
    expect(removeSignoffs(["Premier paragraphe assez long pour être un article.", paragraph], log).blocks).toEqual([
      "Premier paragraphe assez long pour être un article.",
      cleaned,
    ]);
    expect(log.applied[0]).toMatchObject({ kind: "signoff-removed", before: paragraph, after: cleaned });
  });

  it("drops lone sign-off lines", () => {
    for (const line of ["VNA", "- VNA", "(VNA)", "./.", "/."]) {
      expect(removeSignoffs(["Un paragraphe.", line], new ChangeLog()).blocks).toEqual(["Un paragraphe."]);
    }
  });

  it("drops a list of related headlines after the sign-off", () => {
    const blocks = [
      ...body,
      "Fin de l’article./.",
      "Le Vietnam et le Laos renforcent leur coopération",
      "Le Premier ministre reçoit l’ambassadeur",
    ];
    const log = new ChangeLog();
    const result = removeSignoffs(blocks, log);
    expect(result).toEqual({ blocks: [...body, "Fin de l’article."], foundTrailer: true });
    expect(log.applied.map((change) => change.kind)).toEqual(["signoff-removed", "trailer-removed"]);
  });

  it("keeps long text after a sign-off (it may be a repeated body, handled elsewhere)", () => {
    const long = "Un long paragraphe qui continue le récit de la visite et donne beaucoup de détails. ".repeat(5);
    const blocks = ["Court.- VNA", long, long];
    expect(removeSignoffs(blocks, new ChangeLog()).blocks).toEqual(["Court.", long, long]);
  });

  it("leaves endings that only look like sign-offs", () => {
    const blocks = ["Le Vietnam et l’ASEAN-VNA", "Une relation Vietnam - ASEAN"];
    expect(removeSignoffs(blocks, new ChangeLog()).blocks).toEqual(blocks);
  });
});
