// Reads a page number from a query string: anything odd becomes page 1.
export function pageNumber(raw: string | string[] | undefined): number {
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 1 && value <= 1_000_000 ? value : 1;
}
