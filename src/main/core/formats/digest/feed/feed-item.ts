// One feed entry as ItemData. arXiv items (recognised by their ids and links) become
// preprints with the bare id, the abs page as URL and the announcement prefix removed from
// the abstract; items with a DOI or journal name become articles; anything else 'online'.
import type { ItemData, ItemLink } from '../../../../../shared/domain';
import { toPartialIsoDate } from '../shared/dates';
import { containsHtmlTags, htmlToText } from '../shared/html-text';
import { parseArxivId, parseDoi } from '../shared/ids';
import { cleanUrl } from '../shared/links';
import { paperData } from '../shared/paper';
import { collapseWhitespace } from '../shared/text';
import type { FeedEntry, FeedLink } from './entry';

// arXiv's RSS description: "arXiv:2306.08543v1 Announce Type: new \nAbstract: ..."
const ARXIV_ANNOUNCEMENT = /^\s*arXiv:(\S+)\s+Announce Type:\s*(\S+)\s*(?:Abstract:\s*)?/i;

export function feedItemData(entry: FeedEntry): ItemData {
  const fields = { ...entry.fields };
  let summary = entry.summary ?? '';
  let arxivSource: string | undefined;
  const announcement = ARXIV_ANNOUNCEMENT.exec(summary);
  if (announcement) {
    arxivSource = announcement[1];
    fields.announcetype ??= announcement[2]!;
    summary = summary.slice(announcement[0].length);
  }
  const abstract = abstractText(summary, entry.summaryIsHtml);
  arxivSource ??= [...entry.identifiers, ...entry.links.map((link) => link.href)].find(
    (value) => /arxiv/i.test(value) && parseArxivId(value),
  );
  const arxiv = parseArxivId(arxivSource);
  const doi =
    parseDoi(entry.doi) ??
    entry.identifiers
      .map((id) => (/^(?:doi:|https?:\/\/(?:dx\.)?doi\.org\/)/i.test(id) ? parseDoi(id) : undefined))
      .find(Boolean) ??
    entry.links
      .map((link) => (/doi\.org\//i.test(link.href) ? parseDoi(link.href) : undefined))
      .find(Boolean);
  if (entry.categories.length > 0) fields.categories = entry.categories.join(' ');
  const date = toPartialIsoDate(entry.date);
  return paperData({
    type: arxiv ? 'preprint' : doi || entry.container ? 'article' : 'online',
    // Journal feeds mark up titles (<i>Drosophila</i>, H<sub>2</sub>O): keep the text.
    title: collapseWhitespace(containsHtmlTags(entry.title) ? htmlToText(entry.title) : entry.title),
    ...(abstract ? { abstract } : {}),
    creators: entry.creators,
    ...(arxivSource ? { arxiv: arxivSource } : {}),
    ...(doi ? { doi } : {}),
    ...(arxiv ? {} : pageUrl(entry)),
    ...(date ? { date } : {}),
    ...(entry.container ? { container: entry.container } : {}),
    ...(entry.volume ? { volume: entry.volume } : {}),
    ...(entry.issue ? { issue: entry.issue } : {}),
    ...(entry.pages ? { pages: entry.pages } : {}),
    links: explicitLinks(entry.links),
    fields,
  });
}

/**
 * The abstract as text. Markup is stripped when the feed says the summary is HTML, or,
 * when it does not say, when the text holds real tags; a lone "<" in prose ("p < 0.05")
 * is kept. Plain-text summaries are re-flowed: feeds wrap lines arbitrarily.
 */
function abstractText(summary: string, isHtml: boolean | 'unknown'): string {
  const html = isHtml === true || (isHtml === 'unknown' && containsHtmlTags(summary));
  const text = html ? htmlToText(summary) : collapseWhitespace(summary);
  return withoutCitationLine(text);
}

/**
 * Journal table-of-contents feeds open the summary with a citation line ("Nature,
 * Published online: 17 June 2025; doi:10.1038/..."): that is not part of the abstract.
 */
function withoutCitationLine(text: string): string {
  const newline = text.indexOf('\n');
  if (newline < 0 || newline > 300) return text;
  const first = text.slice(0, newline);
  return /\bdoi:\s*10\.\d{4,9}\/\S+$/i.test(first) ? text.slice(newline + 1) : text;
}

function pageUrl(entry: FeedEntry): { url?: string } {
  const alternate = entry.links.find((link) => link.href && (!link.rel || link.rel === 'alternate'));
  const candidate = alternate?.href ?? entry.identifiers.find((id) => /^https?:\/\//i.test(id));
  const url = candidate ? cleanUrl(candidate) : undefined;
  return url ? { url } : {};
}

/** Links the feed names as files: PDFs (arXiv's Atom `title="pdf"`). */
function explicitLinks(links: readonly FeedLink[]): ItemLink[] {
  const found: ItemLink[] = [];
  for (const link of links) {
    if (link.title !== 'pdf' && link.type !== 'application/pdf') continue;
    const url = cleanUrl(link.href);
    if (url) found.push({ kind: 'pdf', url });
  }
  return found;
}
