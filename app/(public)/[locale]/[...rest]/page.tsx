// Any other address under a language: the reader site's own 404 page, in that language.
import { notFound } from "next/navigation";

export default function UnknownPage() {
  notFound();
}
