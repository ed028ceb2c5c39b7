// Every refusal code has a text in every language, and no text asks for a value its code does not
// give: a refusal can never reach a person as a raw code or a broken sentence.
import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { refusalTextIn } from "@/lib/i18n/refusal-text";
import { Refusal, refusalCodes, storedRefusal } from "@/lib/refusal";

/** The problems use-intl reports for a code's text formatted with exactly the code's params. */
function problemsOf(locale: (typeof routing.locales)[number], code: string, params: readonly string[]): string[] {
  const problems: string[] = [];
  const translate = createTranslator({
    locale,
    messages: loadMessages(locale),
    onError: (error: Error) => problems.push(error.message),
  } as Parameters<typeof createTranslator>[0]) as (key: string, values?: Record<string, number>) => string;
  const text = translate(code, Object.fromEntries(params.map((name) => [name, 2])));
  if (problems.length === 0 && (text === code || text.trim() === "")) problems.push(`no text for ${code}`);
  return problems;
}

describe("refusal codes", () => {
  it("each have a text in every language, formatted with the code's own params", () => {
    const codes = refusalCodes();
    expect(codes.length).toBeGreaterThan(50);
    const problems = routing.locales.flatMap((locale) =>
      codes.flatMap(({ code, params }) => problemsOf(locale, code, params).map((problem) => `${locale} ${code}: ${problem}`)),
    );
    expect(problems).toEqual([]);
  });

  it("catch a code without text and a text asking for a missing param", () => {
    expect(problemsOf("fr", "import.refused.nope", [])).not.toEqual([]);
    expect(problemsOf("en", "import.refused.controlChars", [])).not.toEqual([]);
    expect(problemsOf("en", "import.refused.controlChars", ["count"])).toEqual([]);
  });

  it("carry their params, field and data, and read in the person's language", () => {
    const refusal = new Refusal("import.refused.controlChars", { params: { count: 7 }, field: "file", data: { keep: true } });
    expect(refusal).toMatchObject({ code: "import.refused.controlChars", params: { count: 7 }, field: "file", data: { keep: true } });
    expect(refusalTextIn("en", refusal.reason)).toBe("This is not a text file: it contains 7 control characters (binary data).");
    expect(refusalTextIn("fr", refusal.reason)).toBe(
      "Ce n’est pas un fichier texte : il contient 7 caractères de contrôle (données binaires).",
    );
    expect(Refusal.from(refusal.reason, { field: "other" })).toMatchObject({ code: refusal.code, params: { count: 7 }, field: "other" });
  });
});

describe("storedRefusal", () => {
  it("reads back a refusal stored as JSON, with or without params", () => {
    expect(storedRefusal({ code: "ingest.errors.mailCharset", params: { charset: "x-unknown" } })).toEqual({
      code: "ingest.errors.mailCharset",
      params: { charset: "x-unknown" },
    });
    expect(storedRefusal({ code: "errors.forbidden" })).toEqual({ code: "errors.forbidden" });
  });

  it("reads nothing from a value that is not one of our refusals", () => {
    for (const value of [null, "errors.forbidden", 42, [], {}, { code: "errors.renamedSince" }, { code: 7 }])
      expect(storedRefusal(value)).toBeNull();
    expect(storedRefusal({ code: "ingest.errors.crashed", params: { cause: { nested: true } } })).toBeNull();
    expect(storedRefusal({ code: "ingest.errors.crashed", params: "boom" })).toBeNull();
  });
});
