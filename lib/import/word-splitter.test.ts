import { describe, expect, it } from "vitest";
import { getDictionary } from "./dictionaries";
import { splitGluedWord, type SplitContext } from "./word-splitter";

const english: SplitContext = { dictionary: getDictionary("en"), alsoKnownIn: [] };
const french: SplitContext = { dictionary: getDictionary("fr"), alsoKnownIn: [getDictionary("en")] };

describe("splitGluedWord", () => {
  it.each([
    ["thediplomatic", ["the", "diplomatic"]],
    ["setfor", ["set", "for"]],
    ["givento", ["given", "to"]],
    ["tothe", ["to", "the"]],
    ["civiliansin", ["civilians", "in"]],
    ["internationalcooperation", ["international", "cooperation"]],
    ["tothepress", ["to", "the", "press"]],
  ])("splits English %s", (token, parts) => {
    expect(splitGluedWord(token, english)).toEqual(parts);
  });

  it.each([
    ["leministre", ["le", "ministre"]],
    ["etson", ["et", "son"]],
    ["decondoléances", ["de", "condoléances"]],
    ["écrivantdans", ["écrivant", "dans"]],
    ["plustôt", ["plus", "tôt"]],
    ["lareine", ["la", "reine"]],
    ["coopérationéconomique", ["coopération", "économique"]],
  ])("splits French %s", (token, parts) => {
    expect(splitGluedWord(token, french)).toEqual(parts);
  });

  it.each([
    "overflight",
    "cooperation",
    "nationwide",
    "multilateralisation",
    "peacekeeping",
    "roadmap",
    "plugin",
    "accessor",
    "validator",
    "async",
    "urpilainen",
    "abc",
  ])("leaves English %s whole", (token) => expect(splitGluedWord(token, english)).toBeNull());

  it.each(["socioéconomique", "cybersécurité", "visioconférence", "multilatéralisme", "aujourd", "online", "œuvre", "fficace"])(
    "leaves French %s whole",
    (token) => expect(splitGluedWord(token, french)).toBeNull(),
  );

  it("leaves two short content words together: a compound is likelier than glue", () => {
    // A missed "lastyear" costs an editor a keystroke; a split "road map" corrupts text.
    expect(splitGluedWord("keyleaders", english)).toBeNull();
    expect(splitGluedWord("lastyear", english)).toBeNull();
    expect(splitGluedWord("exportmarkets", english)).toEqual(["export", "markets"]);
  });
});
