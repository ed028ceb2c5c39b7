// Search under its French address (/fr/recherche).
import { searchRoute } from "@/components/public/search-route";

export const GET = searchRoute("fr");
