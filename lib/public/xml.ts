// The reader site's XML documents, built as strings from plain data: RSS 2.0 and Atom 1.0 feeds,
// sitemap.xml with hreflang alternates, and the news sitemap. Pure: no database, no Next.

/** Text safe inside an XML element or a quoted attribute, minus characters XML 1.0 forbids. */
export function escapeXml(value: string): string {
  return value
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[char] ?? char);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export type FeedEntry = { title: string; url: string; summary: string; publishedAt: string; updatedAt: string; categories: string[] };
export type FeedChannel = {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  link: string;
  /** The feed's own address. */
  selfUrl: string;
  language: string;
  entries: FeedEntry[];
};

export function buildRss(channel: FeedChannel): string {
  const items = channel.entries.map(
    (entry) => `    <item>
      <title>${escapeXml(entry.title)}</title>
      <link>${escapeXml(entry.url)}</link>
      <guid isPermaLink="true">${escapeXml(entry.url)}</guid>
      <pubDate>${new Date(entry.publishedAt).toUTCString()}</pubDate>
      <description>${escapeXml(entry.summary)}</description>
${entry.categories.map((category) => `      <category>${escapeXml(category)}</category>`).join("\n")}
    </item>`,
  );
  const lastBuild = channel.entries[0]?.publishedAt ?? new Date(0).toISOString();
  return `${XML_DECLARATION}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <description>${escapeXml(channel.description)}</description>
    <language>${escapeXml(channel.language)}</language>
    <lastBuildDate>${new Date(lastBuild).toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
${items.join("\n")}
  </channel>
</rss>
`;
}

export function buildAtom(channel: FeedChannel): string {
  const updated = channel.entries.reduce(
    (latest, entry) => (entry.updatedAt > latest ? entry.updatedAt : latest),
    new Date(0).toISOString(),
  );
  const entries = channel.entries.map(
    (entry) => `  <entry>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <id>${escapeXml(entry.url)}</id>
    <published>${entry.publishedAt}</published>
    <updated>${entry.updatedAt}</updated>
    <summary>${escapeXml(entry.summary)}</summary>
${entry.categories.map((category) => `    <category term="${escapeXml(category)}"/>`).join("\n")}
  </entry>`,
  );
  return `${XML_DECLARATION}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(channel.language)}">
  <title>${escapeXml(channel.title)}</title>
  <subtitle>${escapeXml(channel.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(channel.link)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(channel.selfUrl)}"/>
  <id>${escapeXml(channel.selfUrl)}</id>
  <updated>${updated}</updated>
  <author><name>${escapeXml(channel.title)}</name></author>
${entries.join("\n")}
</feed>
`;
}

export type SitemapUrl = {
  url: string;
  lastModified?: string;
  /** hreflang -> absolute URL, x-default included when there is one. */
  alternates: Record<string, string>;
};

export function buildSitemap(urls: SitemapUrl[]): string {
  const body = urls.map((entry) => {
    const links = Object.entries(entry.alternates).map(
      ([hreflang, href]) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(hreflang)}" href="${escapeXml(href)}"/>`,
    );
    return `  <url>
    <loc>${escapeXml(entry.url)}</loc>
${entry.lastModified ? `    <lastmod>${entry.lastModified}</lastmod>\n` : ""}${links.join("\n")}
  </url>`;
  });
  return `${XML_DECLARATION}
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${body.join("\n")}
</urlset>
`;
}

export type NewsSitemapEntry = { url: string; title: string; language: string; publishedAt: string; publication: string };

export function buildNewsSitemap(entries: NewsSitemapEntry[]): string {
  const body = entries.map(
    (entry) => `  <url>
    <loc>${escapeXml(entry.url)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(entry.publication)}</news:name>
        <news:language>${escapeXml(entry.language)}</news:language>
      </news:publication>
      <news:publication_date>${entry.publishedAt}</news:publication_date>
      <news:title>${escapeXml(entry.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `${XML_DECLARATION}
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${body.join("\n")}
</urlset>
`;
}
