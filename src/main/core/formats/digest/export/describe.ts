// What every digest export says about a paper, before any escaping: the author line, the
// year, the paper's page, its links with labels, its abstract as paragraphs.
import { LINK_LABELS, type Creator } from '../../../../../shared/domain';
import type { ExportItem, ExportOptions } from '../../types';
import { formatDigestDate } from '../shared/dates';
import { arxivAbsUrl } from '../shared/ids';
import { displayName } from '../shared/names';
import { safeHttpUrl } from './escape';

const MAX_AUTHORS = 10;

/** "Alice Smith, Bob Jones", cut after ten names with "et al.". */
export function authorLine(creators: readonly Creator[]): string {
  const authors = creators
    .filter((creator) => creator.role === 'author')
    .map(displayName)
    .filter(Boolean);
  if (authors.length <= MAX_AUTHORS) return authors.join(', ');
  return `${authors.slice(0, MAX_AUTHORS).join(', ')} et al.`;
}

export function yearOf(item: ExportItem): string | undefined {
  return /^\d{4}/.exec(item.date ?? '')?.[0];
}

/** The paper's own page: its URL, else its arXiv abs page, else its DOI; http(s) only. */
export function paperUrl(item: ExportItem): string | undefined {
  return (
    safeHttpUrl(item.url) ??
    (item.arxiv ? safeHttpUrl(arxivAbsUrl(item.arxiv)) : undefined) ??
    (item.doi ? safeHttpUrl(`https://doi.org/${item.doi}`) : undefined)
  );
}

/** The item's links that are safe to write, with their labels. */
export function safeLinks(item: ExportItem): { label: string; url: string }[] {
  const links: { label: string; url: string }[] = [];
  for (const link of item.links) {
    const url = safeHttpUrl(link.url);
    if (url) links.push({ label: link.label?.trim() || LINK_LABELS[link.kind] || 'Link', url });
  }
  return links;
}

/** Abstract paragraphs: lines trimmed, blank lines dropped. */
export function abstractParagraphs(abstract: string | undefined): string[] {
  return (abstract ?? '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A title on one line: every run of whitespace, line breaks included, becomes a space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function digestTitle(options: ExportOptions | undefined): string {
  return oneLine(options?.title ?? '') || 'Papers';
}

export function digestDate(options: ExportOptions | undefined): string | undefined {
  const date = oneLine(options?.date ?? '');
  return date ? formatDigestDate(date) : undefined;
}

export function paperCount(count: number): string {
  return count === 1 ? '1 paper' : `${count} papers`;
}
