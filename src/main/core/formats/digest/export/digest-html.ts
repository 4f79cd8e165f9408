// HTML for email: one complete document, layout tables and inline styles only (mail
// clients drop <style> and never load external CSS), no scripts, images or other external
// resources. Every imported string is HTML-escaped; only http(s) URLs reach an href.
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
import { escapeHtml } from './escape';

export const digestHtmlFormat: ExportFormat = {
  id: 'digest-html',
  label: 'Digest (HTML email)',
  extension: 'html',
  mediaType: 'text/html; charset=utf-8',
  export: exportDigestHtml,
};

const FONT = "font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif";
const STYLE = {
  body: `margin:0;padding:0;background-color:#f4f4f2;${FONT};color:#1f2328`,
  outer: 'width:100%;border-collapse:collapse;background-color:#f4f4f2',
  inner: 'width:100%;max-width:680px;border-collapse:collapse;background-color:#ffffff',
  header: 'padding:24px 28px 8px 28px',
  heading: `margin:0;font-size:24px;line-height:1.3;${FONT};color:#1f2328`,
  meta: 'margin:4px 0 0 0;font-size:14px;color:#59636e',
  paper: 'padding:20px 28px;border-top:1px solid #e5e5e0',
  title: `margin:0 0 6px 0;font-size:18px;line-height:1.35;${FONT};color:#1f2328`,
  titleLink: 'color:#0b57d0;text-decoration:none',
  byline: 'margin:0 0 8px 0;font-size:13px;color:#59636e',
  links: 'margin:0 0 8px 0;font-size:13px',
  link: 'color:#0b57d0',
  abstract: 'margin:0 0 8px 0;font-size:14px;line-height:1.55;color:#1f2328',
} as const;

export function exportDigestHtml(items: ExportItem[], options?: ExportOptions): string {
  const title = escapeHtml(digestTitle(options));
  const date = digestDate(options);
  const meta = [date ? escapeHtml(date) : undefined, paperCount(items.length)].filter(Boolean).join(' · ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.outer}"><tr><td align="center">`,
    `<table role="presentation" cellpadding="0" cellspacing="0" style="${STYLE.inner}">`,
    `<tr><td style="${STYLE.header}"><h1 style="${STYLE.heading}">${title}</h1><p style="${STYLE.meta}">${meta}</p></td></tr>`,
    ...items.map(paperRow),
    '</table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function paperRow(item: ExportItem): string {
  const title = escapeHtml(oneLine(item.title) || '(untitled)');
  const url = paperUrl(item);
  const heading = url ? `<a href="${escapeHtml(url)}" style="${STYLE.titleLink}">${title}</a>` : title;
  const parts = [`<h2 style="${STYLE.title}">${heading}</h2>`];
  const byline = [authorLine(item.creators), yearOf(item)].filter(Boolean).join(' · ');
  if (byline) parts.push(`<p style="${STYLE.byline}">${escapeHtml(byline)}</p>`);
  const links = safeLinks(item);
  if (links.length > 0) {
    const anchors = links.map(
      (link) => `<a href="${escapeHtml(link.url)}" style="${STYLE.link}">${escapeHtml(link.label)}</a>`,
    );
    parts.push(`<p style="${STYLE.links}">${anchors.join(' · ')}</p>`);
  }
  for (const paragraph of abstractParagraphs(item.abstract)) {
    parts.push(`<p style="${STYLE.abstract}">${escapeHtml(paragraph)}</p>`);
  }
  return `<tr><td style="${STYLE.paper}">${parts.join('')}</td></tr>`;
}
