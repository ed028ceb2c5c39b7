import { describe, expect, it } from "vitest";
import { findTextDay, resolveArticleDate } from "./article-date";
import type { DateHeader } from "./header";

const header = (year: number, month: number | null, day: number | null = null): DateHeader => ({ year, month, day, rest: "" });

describe("findTextDay", () => {
  it.each([
    ["a eu le 23 juin à Hanoi un entretien", { day: 23, month: 6, year: null }],
    ["samedi 10 septembre, le ministre", { day: 10, month: 9, year: null }],
    ["le 1er juillet 2022, les deux pays", { day: 1, month: 7, year: 2022 }],
    ["On the morning of September 12, the minister", { day: 12, month: 9, year: null }],
    ["On the evening of February 22, in Hanoi", { day: 22, month: 2, year: null }],
    ["on February 22, 2024, in Hanoi", { day: 22, month: 2, year: 2024 }],
    ["6 juillet", { day: 6, month: 7, year: null }],
    ["en visite officielle du 21 au 23 juin au Vietnam", { day: 23, month: 6, year: null }],
    ["the 3rd of March", null],
  ])("%j", (text, expected) => {
    expect(findTextDay(text)).toEqual(expected);
  });

  it("finds no day in weekday-only or month-only mentions", () => {
    expect(findTextDay("a organisé jeudi soir à Hanoï une conférence")).toBeNull();
    expect(findTextDay("In January alone, Vietnam organised")).toBeNull();
    expect(findTextDay("the 30e anniversaire en 2022")).toBeNull();
    expect(findTextDay("the minister may 12 times")).toBeNull();
    expect(findTextDay("le 31 juin")).toBeNull();
  });
});

describe("resolveArticleDate", () => {
  it("uses the header month when the text has no day", () => {
    expect(resolveArticleDate(header(2021, 7), null).date).toEqual({ value: "2021-07", precision: "month" });
  });

  it("combines the header year and month with a day in the same month", () => {
    expect(resolveArticleDate(header(2022, 9), { day: 10, month: 9, year: null }).date).toEqual({ value: "2022-09-10", precision: "day" });
  });

  it("accepts a day in the month before the header (filed after the event), across a year end", () => {
    expect(resolveArticleDate(header(2024, 1), { day: 30, month: 12, year: null }).date).toEqual({ value: "2023-12-30", precision: "day" });
  });

  it("falls back to the header month, with a warning, when the day does not fit", () => {
    const resolved = resolveArticleDate(header(2022, 9), { day: 10, month: 3, year: null });
    expect(resolved.date).toEqual({ value: "2022-09", precision: "month" });
    expect(resolved.warnings).toHaveLength(1);
  });

  it("takes the year from the text when the text gives it", () => {
    expect(resolveArticleDate(null, { day: 23, month: 6, year: 2022 }).date).toEqual({ value: "2022-06-23", precision: "day" });
  });

  it("returns null rather than guess when the year is written nowhere", () => {
    const resolved = resolveArticleDate(null, { day: 22, month: 2, year: null });
    expect(resolved.date).toBeNull();
    expect(resolved.warnings[0]).toMatch(/no year/);
    expect(resolveArticleDate(null, null)).toEqual({ date: null, warnings: [] });
  });

  it("prefers the header when the text date has another year (a date from the past)", () => {
    const resolved = resolveArticleDate(header(2023, 9), { day: 15, month: 9, year: 1973 });
    expect(resolved.date).toEqual({ value: "2023-09", precision: "month" });
    expect(resolved.warnings[0]).toMatch(/does not fit/);
    expect(resolveArticleDate(header(2023, 9), { day: 15, month: 9, year: 2023 }).date).toEqual({ value: "2023-09-15", precision: "day" });
  });

  it("combines a year-only header with the text day and month", () => {
    expect(resolveArticleDate(header(2022, null), { day: 23, month: 6, year: null }).date).toEqual({
      value: "2022-06-23",
      precision: "day",
    });
  });

  it("uses year precision for a year-only header and day precision for a full one", () => {
    expect(resolveArticleDate(header(2020, null), null).date).toEqual({ value: "2020", precision: "year" });
    expect(resolveArticleDate(header(2023, 12, 5), null).date).toEqual({ value: "2023-12-05", precision: "day" });
  });
});
