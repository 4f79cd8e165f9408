// Plain text in the Hugging Face digest layout, which the hf-text importer reads back:
//
//   <digest title>
//
//   Jun 17, 2025          (when the digest has a date)
//
//   103 papers            (ends the header, so the title is not taken for a paper)
//
//   <paper title>
//
//   <abstract; its paragraphs on consecutive lines, never separated by a blank line>
//
// A paper without an abstract gets the line "(no abstract)", which the importer reads as
// an empty abstract: without it a title followed by a title would be ambiguous.
import type { ExportFormat, ExportItem, ExportOptions } from '../../types';
import { NO_ABSTRACT_MARKER } from '../hf/noise';
import { abstractParagraphs, digestDate, digestTitle, oneLine, paperCount } from './describe';

export const digestTxtFormat: ExportFormat = {
  id: 'digest-txt',
  label: 'Digest (plain text)',
  extension: 'txt',
  mediaType: 'text/plain; charset=utf-8',
  export: exportDigestTxt,
};

export function exportDigestTxt(items: ExportItem[], options?: ExportOptions): string {
  const blocks: string[] = [digestTitle(options)];
  const date = digestDate(options);
  if (date) blocks.push(date);
  blocks.push(paperCount(items.length));
  for (const item of items) {
    blocks.push(oneLine(item.title) || '(untitled)');
    const paragraphs = abstractParagraphs(item.abstract);
    blocks.push(paragraphs.length > 0 ? paragraphs.join('\n') : NO_ABSTRACT_MARKER);
  }
  return `${blocks.join('\n\n')}\n`;
}
