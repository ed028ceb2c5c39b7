// Moved to lib/public/queries.ts (the reader site's reads); kept as an alias for existing importers.
export { publishedWhere } from "@/lib/public/queries";
