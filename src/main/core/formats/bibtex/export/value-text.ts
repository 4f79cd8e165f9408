// A field value as it is written after `=`: braced, LaTeX-encoded text; titles with their
// capitals protected; URLs and keys verbatim; months as the standard macros.
import { isVerbatimField } from '../convert/field-values';
import { protectedParts } from '../latex/case-protect';
import { unicodeToLatex } from '../latex/encode';

const TITLE_FIELDS = new Set([
  'title',
  'subtitle',
  'titleaddon',
  'shorttitle',
  'booktitle',
  'booksubtitle',
  'maintitle',
  'mainsubtitle',
  'eventtitle',
  'origtitle',
]);

export function fieldText(name: string, value: string, ascii: boolean): string {
  if (isVerbatimField(name)) return `{${verbatimText(value)}}`;
  if (TITLE_FIELDS.has(name)) return `{${titleText(value, ascii)}}`;
  return `{${unicodeToLatex(value, ascii)}}`;
}

export function titleText(title: string, ascii: boolean): string {
  const parts = protectedParts(title);
  if (parts.length === 0) return unicodeToLatex(title, ascii);
  const out: string[] = [];
  let plainStart = 0;
  for (let i = 0; i < parts.length; i += 2) {
    const start = parts[i]!;
    const end = parts[i + 1]!;
    if (start > plainStart) out.push(unicodeToLatex(title.slice(plainStart, start), ascii));
    out.push('{', unicodeToLatex(title.slice(start, end), ascii), '}');
    plainStart = end;
  }
  if (plainStart < title.length) out.push(unicodeToLatex(title.slice(plainStart), ascii));
  return out.join('');
}

/**
 * URLs and keys are written as they are; only braces that would unbalance the field are
 * percent-encoded (which a URL tolerates).
 */
export function verbatimText(value: string): string {
  if (!value.includes('{') && !value.includes('}')) return value;
  let depth = 0;
  for (const ch of value) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) break;
  }
  return depth === 0 ? value : value.replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}
