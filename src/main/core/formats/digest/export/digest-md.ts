// Markdown: a heading per paper linked to its page, authors and year, its links as a list,
// then the abstract. Imported strings are escaped so that a title cannot open a link, an
// image, raw HTML or a block of its own; only http(s) URLs are linked.
import type { ExportFormat, ExportItem, ExportOptions } from '../../types';
import {
  abstractParagraphs,
  authorLine,
  digestDate,
  digestTitle,
  oneLine,
  paperCount,
  paperUrl,
  safeLinks,
  yearOf,
} from './describe';
import { escapeMarkdown, markdownUrl } from './escape';

export const digestMdFormat: ExportFormat = {
  id: 'digest-md',
  label: 'Digest (Markdown)',
  extension: 'md',
  mediaType: 'text/markdown; charset=utf-8',
  export: exportDigestMd,
};

export function exportDigestMd(items: ExportItem[], options?: ExportOptions): string {
  const date = digestDate(options);
  const blocks = [
    `# ${escapeMarkdown(digestTitle(options))}`,
    [date ? escapeMarkdown(date) : undefined, paperCount(items.length)].filter(Boolean).join(' · '),
  ];
  for (const item of items) blocks.push(...paperBlocks(item));
  return `${blocks.join('\n\n')}\n`;
}

function paperBlocks(item: ExportItem): string[] {
  const title = escapeMarkdown(oneLine(item.title) || '(untitled)');
  const url = paperUrl(item);
  const blocks = [url ? `## [${title}](${markdownUrl(url)})` : `## ${title}`];
  const byline = [authorLine(item.creators), yearOf(item)].filter(Boolean).join(' · ');
  if (byline) blocks.push(`*${escapeMarkdown(byline)}*`);
  const links = safeLinks(item);
  if (links.length > 0) {
    blocks.push(
      links.map((link) => `- ${escapeMarkdown(link.label)}: <${markdownUrl(link.url)}>`).join('\n'),
    );
  }
  blocks.push(...abstractParagraphs(item.abstract).map(escapeMarkdown));
  return blocks;
}
