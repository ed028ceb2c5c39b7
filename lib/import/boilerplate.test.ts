// Learnt boilerplate, the pure part: which lines are counted, which source a file is counted for,
// and removal only of lines enough other files print, never most of a file.
import { describe, expect, it } from "vitest";
import { importWireText } from "./index";
import { learntLines, lineKey, lineKeysOf, parseLearningFromBatch, probeFile, sourceOfText } from "./boilerplate";
import { parseFiles } from "./parse-files";

const STORY = [
  "Le Vietnam et le Laos approfondissent leur partenariat",
  "Vientiane (VNA) – Les deux délégations se sont réunies mardi à Vientiane pour examiner les projets communs.",
  "Les responsables ont passé en revue la coopération dans l’éducation, la santé et les transports.",
  "Ils sont convenus de renforcer les échanges entre les provinces frontalières.",
  "Retour à la rubrique Asie",
];
const bytes = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("lineKey", () => {
  it("reads a line the same whatever its case and spacing", () => {
    expect(lineKey("Retour à la  rubrique ASIE ")).toBe(lineKey("retour à la rubrique asie"));
  });

  it("never counts the story's own lines: a dateline, a quotation, a number with a unit", () => {
    expect(lineKey(STORY[1]!)).toBeNull();
    expect(lineKey("« Nous resterons des partenaires fidèles pour toujours », a dit le ministre.")).toBeNull();
    expect(lineKey("Les échanges ont atteint 50 milliards de dollars.")).toBeNull();
    expect(lineKey("2024")).toBeNull();
    // A paragraph the versions of one story share is the story's, not the page's.
    expect(
      lineKey(
        "Les deux parties ont passé en revue la coopération bilatérale et sont convenues de la renforcer dans les domaines de l’éducation et de la santé.",
      ),
    ).toBeNull();
  });

  it("gives a file's distinct lines, the date header aside", () => {
    const keys = lineKeysOf([" date 2024-03", ...STORY, STORY[4]!].join("\n"));
    expect(keys).toHaveLength(4);
    expect(keys).toContain(lineKey(STORY[4]!));
  });
});

describe("sourceOfText", () => {
  it("is the dateline's agency by its registry name, else the first sign-off's, read before any parse", () => {
    expect(sourceOfText("Titre\nHanoï (TTXVN) – Le ministre a parlé.")).toBe("agency:VNA");
    expect(sourceOfText("Titre\nMenu\nHanoï (VOV/VNA) – Le ministre a parlé.")).toBe("agency:VOV");
    // Only the sign-off names the source, not an agency the story mentions.
    expect(sourceOfText("Titre\nLe ministre a cité une dépêche de Reuters.\nIl a conclu ses visites dans les régions-AVI")).toBe(
      "agency:AVI",
    );
    expect(sourceOfText("Titre\nLe ministre a parlé.\nVNA/CVN\nAutre titre")).toBe("agency:VNA");
    expect(sourceOfText("Titre\nLe ministre a cité une dépêche de Reuters.")).toBeNull();
  });

  it("probes a plain-text file's bytes, and leaves a Word file or saved page to its reader", () => {
    const probe = probeFile({ name: "a.txt", bytes: bytes(STORY) });
    expect(probe?.keys).toEqual(lineKeysOf(STORY.join("\n")));
    expect(probeFile({ name: "a.html", bytes: new TextEncoder().encode("<!doctype html><html><body><p>x</p></body></html>") })).toBeNull();
  });
});

describe("removing learnt lines", () => {
  it("removes a line printed by three other files, as a change that says how many print it and can be undone", () => {
    const learnt = learntLines([
      { key: lineKey(STORY[4]!)!, files: 4, kept: false },
      { key: lineKey(STORY[2]!)!, files: 3, kept: false },
    ]);
    expect([...learnt.values()]).toEqual([4]);
    const result = importWireText(bytes(STORY), { boilerplate: learnt });
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.article.paragraphs).not.toContain(STORY[4]);
    const change = result.article.changes.find((candidate) => candidate.kind === "boilerplate-learnt");
    expect(change).toMatchObject({ before: STORY[4], files: 4 });
    const undone = importWireText(bytes(STORY), { boilerplate: learnt, revertChanges: [change!.id] });
    expect(undone.ok && undone.article.paragraphs).toContain(STORY[4]);
  });

  it("keeps the headline, which the versions of one story share", () => {
    const learnt = new Map([lineKey(STORY[0]!)!, lineKey(STORY[4]!)!].map((key) => [key, 5]));
    const result = importWireText(bytes(STORY), { boilerplate: learnt });
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.article.title).toBe(STORY[0]);
    expect(result.article.changes.filter((change) => change.kind === "boilerplate-learnt").map((change) => change.before)).toEqual([
      STORY[4],
    ]);
  });

  it("leaves a restored line, and a file most of whose lines are learnt (a copy of a story, not its page)", () => {
    expect(learntLines([{ key: "k", files: 40, kept: true }]).size).toBe(0);
    const everything = new Map(lineKeysOf(STORY.join("\n")).map((key) => [key, 9]));
    const result = importWireText(bytes(STORY), { boilerplate: everything });
    expect(result.ok && result.article.changes.filter((change) => change.kind === "boilerplate-learnt")).toEqual([]);
  });
});

describe("a dry run of a batch", () => {
  it("learns from the batch's own files: each of four files naming no source loses the line they all print", async () => {
    const files = ["Hanoï", "Hué", "Danang", "Cantho"].map((city) => ({
      name: `${city}.txt`,
      bytes: bytes([
        `Les provinces de ${city} renforcent leur coopération`,
        `Les autorités de ${city} ont présenté mardi leurs projets de coopération avec les provinces voisines.`,
        `Le président du comité populaire de ${city} a salué les progrès accomplis depuis le début de l’année.`,
        STORY[4]!,
      ]),
    }));
    // Each file is parsed once: its lines were looked up before its parse, not after.
    let parsed = 0;
    const results = await parseLearningFromBatch(files, async (batch) => {
      parsed += batch.length;
      return parseFiles(batch);
    });
    expect(parsed).toBe(files.length);
    for (const result of results) {
      if (!result.ok) throw new Error(result.refusal.code);
      expect(result.article.paragraphs).not.toContain(STORY[4]);
      expect(result.article.changes).toContainEqual(expect.objectContaining({ kind: "boilerplate-learnt", files: 4 }));
    }
    const fewer = await parseLearningFromBatch(files.slice(0, 3), parseFiles);
    expect(fewer.every((result) => result.ok && result.article.paragraphs.includes(STORY[4]!))).toBe(true);
  });
});
