// Search under its English address (/en/search).
import { searchRoute } from "@/components/public/search-route";

export const GET = searchRoute("en");
