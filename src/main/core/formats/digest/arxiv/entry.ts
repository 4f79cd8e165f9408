// One entry of an arXiv listing mail, from its "arXiv:" line to its "\\ ( https://arxiv.org/abs/...)"
// trailer:
//
//   arXiv:2306.08543 (*cross-listing*)
//   Date: Wed, 14 Jun 2023 17:59:59 GMT   (1008kb,D)
//
//   Title: Knowledge Distillation of Large
//     Language Models
//   Authors: Yuxian Gu, Li Dong, Furu Wei and Minlie Huang
//   Categories: cs.CL cs.AI
//   Comments: 20 pages
//   \\
//     Knowledge Distillation (KD) is a promising technique for reducing the high
//   computational demand of large language models (LLMs). ...
//   \\ ( https://arxiv.org/abs/2306.08543 ,  1008kb)
import type { ItemData } from '../../../../../shared/domain';
import { isoDate, toPartialIsoDate } from '../shared/dates';
import { extractLinks } from '../shared/links';
import { authorsFromList } from '../shared/names';
import { paperData } from '../shared/paper';
import { decodeTexAccents } from '../shared/tex';

export type Section = 'new' | 'cross' | 'replace';

export interface RawEntry {
  /** Text after "arXiv:" on the entry's first line. */
  idLine: string;
  /** 1-based line of the "arXiv:" line. */
  line: number;
  /** Metadata lines between the id line and the abstract, as written. */
  metadata: string[];
  /** Abstract lines as written, or undefined when the entry has none. */
  abstract?: string[];
  /** The trailer's URL ("https://arxiv.org/abs/2306.08543"), when there was a trailer. */
  trailerUrl?: string;
  trailerSize?: string;
  /** The listing section the entry appeared in. */
  section: Section;
}

/** Field names as the mail writes them → keys in ItemData.fields. */
const FIELD_KEYS: Record<string, string> = {
  categories: 'categories',
  comments: 'comments',
  'journal-ref': 'journalref',
  'report-no': 'reportno',
  'msc-class': 'mscclass',
  'acm-class': 'acmclass',
  license: 'license',
  proxy: 'proxy',
};

export type EntryResult = { data: ItemData; announceType: string } | { problem: string };

export function entryData(entry: RawEntry): EntryResult {
  const fields = readFields(entry.metadata);
  const title = fields.get('title');
  if (!title) return { problem: 'this entry has no Title: line' };
  const idMatch = /^(\S+)\s*(.*)$/.exec(entry.idLine.trim());
  const arxiv = idMatch?.[1] ?? '';
  const remark = idMatch?.[2] ?? '';
  const replaced = fields.has('replaced') || /replaced/i.test(remark) || entry.section === 'replace';
  const cross = /cross-list/i.test(remark) || entry.section === 'cross';
  const announceType = replaced ? (cross ? 'replace-cross' : 'replace') : cross ? 'cross' : 'new';

  const extra: Record<string, string> = { announcetype: announceType };
  for (const [name, value] of fields) {
    const key = FIELD_KEYS[name];
    if (key) extra[key] = value;
  }
  if (entry.trailerSize) extra.size = entry.trailerSize;
  const { creators } = authorsFromList(decodeTexAccents(fields.get('authors') ?? ''));
  const abstract = entry.abstract ? joinAbstract(entry.abstract) : undefined;
  const replacedOn = toPartialIsoDate(fields.get('replaced'));
  if (replacedOn) extra.replaced = replacedOn;
  // A replacement's date is that of the new version; the id tells when the paper appeared.
  const date = toPartialIsoDate(fields.get('date')) ?? arxivIdMonth(arxiv) ?? replacedOn;
  const data = paperData({
    title,
    ...(abstract ? { abstract } : {}),
    creators,
    arxiv: arxiv || entry.trailerUrl || '',
    ...(fields.get('doi') ? { doi: fields.get('doi')! } : {}),
    ...(date ? { date } : {}),
    // Comments often name the code or project page ("Code: https://github.com/...").
    links: extractLinks(fields.get('comments')),
    fields: extra,
  });
  return { data, announceType };
}

/** "2212.10529" → "2022-12", "cs/0612054" → "2006-12": the month an id was issued. */
function arxivIdMonth(id: string): string | undefined {
  const match = /^(?:[a-z-]+(?:\.[A-Z]{2})?\/)?(\d{2})(\d{2})/.exec(id);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return isoDate(year >= 91 ? 1900 + year : 2000 + year, month);
}

/**
 * "Key: value" lines with indented continuation lines, joined with single spaces. The
 * "replaced with revised version <date>" line becomes the field "replaced". A date's
 * "(1008kb,D)" size note is dropped.
 */
function readFields(lines: readonly string[]): Map<string, string> {
  const fields = new Map<string, string>();
  let current: string | undefined;
  for (const line of lines) {
    if (!line.trim()) {
      current = undefined;
      continue;
    }
    if (current && /^\s/.test(line)) {
      fields.set(current, `${fields.get(current)!} ${line.trim()}`);
      continue;
    }
    const replaced = /^replaced with revised version\s+(.*)$/i.exec(line.trim());
    if (replaced) {
      fields.set('replaced', replaced[1]!.replace(/\s*\([^()]*\)\s*$/, ''));
      current = undefined;
      continue;
    }
    const field = /^([A-Za-z][A-Za-z-]*):\s*(.*)$/.exec(line);
    if (!field) continue;
    current = field[1]!.toLowerCase();
    const value = current === 'date' ? field[2]!.replace(/\s*\([^()]*\)\s*$/, '') : field[2]!.trim();
    fields.set(current, fields.has(current) ? `${fields.get(current)!} ${value}` : value);
  }
  return fields;
}

/**
 * The mail wraps abstracts at ~80 columns and indents the first line of each paragraph:
 * wrapped lines are joined with a space, an indented line starts a new paragraph.
 */
export function joinAbstract(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (!text) continue;
    if (paragraphs.length === 0 || /^\s/.test(line)) paragraphs.push(text);
    else paragraphs[paragraphs.length - 1] += ` ${text}`;
  }
  return paragraphs.join('\n');
}
