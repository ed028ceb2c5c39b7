// What the head of a reader page says, in one shape every page fills: title, description,
// canonical URL, hreflang alternates, feed links, Open Graph (og:locale and og:locale:alternate)
// and Twitter cards. components/public/page-head.tsx writes it out as tags.
export type ShareImage = { url: string; width: number; height: number; alt: string };

export type PageHead = {
  /** The page's own title; " — <site name>" is added unless `absoluteTitle`. */
  title: string;
  absoluteTitle?: boolean;
  /** Used for the social cards. */
  socialTitle: string;
  description?: string;
  /** Path of this page (made absolute with SITE_URL); none on error pages. */
  canonical?: string;
  /** hreflang -> path of this page in each language it exists in (x-default included). */
  languages: Record<string, string>;
  openGraph?: {
    type?: "website" | "article";
    publishedTime?: string;
    modifiedTime?: string;
    tags?: string[];
    images?: ShareImage[];
  };
  /** Result pages are endless variations of the same content: crawlers follow them, not index them. */
  noIndex?: boolean;
  /** Feeds of what the page lists; the language's feeds by default. */
  feeds?: { rss: string; atom: string };
};
