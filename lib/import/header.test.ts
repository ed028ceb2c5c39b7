import { describe, expect, it } from "vitest";
import { parseDateHeader } from "./header";

describe("parseDateHeader", () => {
  it('reads " date YYYY-MM" and keeps the rest of the line', () => {
    expect(parseDateHeader(" date 2021-07 Le ministre Bui Thanh Son. Photo: VNA")).toEqual({
      year: 2021,
      month: 7,
      day: null,
      rest: "Le ministre Bui Thanh Son. Photo: VNA",
    });
  });

  it("accepts a full date, a bare year and nothing after the date", () => {
    expect(parseDateHeader("date 2023-12-05")).toEqual({ year: 2023, month: 12, day: 5, rest: "" });
    expect(parseDateHeader(" date 2020 Hanoï (VNA) - Texte")).toEqual({ year: 2020, month: null, day: null, rest: "Hanoï (VNA) - Texte" });
  });

  it("drops an impossible month instead of inventing one", () => {
    expect(parseDateHeader(" date 2021-13")?.month).toBeNull();
  });

  it("ignores lines that are not a date header", () => {
    expect(parseDateHeader("Hanoï (VNA) - Le ministre")).toBeNull();
    expect(parseDateHeader("Dates 2021-07 are set")).toBeNull();
    expect(parseDateHeader(" date 20210-07")).toBeNull();
  });
});
