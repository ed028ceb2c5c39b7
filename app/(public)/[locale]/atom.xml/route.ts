// Atom 1.0 of a language (/fr/atom.xml), or of one tag in it (/fr/atom.xml?tag=<slug>).
import { feedResponse } from "@/lib/public/feed-response";

export function GET(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  return feedResponse(request, params, "atom");
}
