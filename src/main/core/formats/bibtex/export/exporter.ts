// Items → a .bib file in either dialect.
//
// File-level material: pass `blocks` (the preambles, @string definitions and comments an
// import returned in ParseResult) to write them back: @preamble and @string before the
// entries, comments after them (where JabRef keeps its jabref-meta). With blocks, raw
// values that use @string macros are written back as they were; without, such values are
// written out in full, so every exported file stands on its own.
import type { ExportItem, ExportOptions } from '../../types';
import { type Dialect, entryTypeFor } from '../convert/entry-types';
import { EntryFields, type FieldWriterOptions } from './entry-fields';

export interface BibtexBlocks {
  preambles?: readonly string[];
  strings?: Readonly<Record<string, string>>;
  comments?: readonly string[];
}

export interface BibExportOptions extends ExportOptions {
  blocks?: BibtexBlocks;
}

export function exportBib(
  items: readonly ExportItem[],
  dialect: Dialect,
  options: BibExportOptions = {},
): string {
  const entryOptions = bibEntryOptions(dialect, options);
  // Each entry is a flat string of its own (its pieces garbage at once), joined once at the
  // end: one array of every piece of 100,000 entries holds ~1 GB at its peak.
  const entries = crossrefParentsLast(items, crossrefLink).map((item) => bibEntry(item, entryOptions));
  return assembleBib(entries, options.blocks);
}

/** What an entry's text depends on besides its item. */
export type BibEntryOptions = FieldWriterOptions;

export function bibEntryOptions(dialect: Dialect, options: BibExportOptions = {}): BibEntryOptions {
  // BibTeX defaults to LaTeX commands (bibtex 0.99 is not Unicode-aware), biblatex to UTF-8.
  const ascii = dialect === 'bibtex' ? !(options.unicode ?? false) : !(options.unicode ?? true);
  return { dialect, ascii, macrosAvailable: options.blocks !== undefined };
}

/**
 * Names every input of `bibEntry` besides the item: rendered entries stored under it
 * (service/entry-cache.ts) are only reused by the same options and the same revision of
 * this writer. Bump the revision with any change to what an entry's text comes out as
 * (test/main/core/formats/bibtex/entry-revision.test.ts fails until it is bumped).
 */
export const BIB_ENTRY_REVISION = 1;
export function bibEntryVariant(options: BibEntryOptions): string {
  const encoding = options.ascii ? 'ascii' : 'utf8';
  const macros = options.macrosAvailable ? 'macros' : 'standalone';
  return `bib${BIB_ENTRY_REVISION}:${options.dialect}:${encoding}:${macros}`;
}

/** One entry, `@type{key,` to its closing brace, without a line break after it. */
export function bibEntry(item: ExportItem, options: BibEntryOptions): string {
  const fields = new EntryFields(item, options).build();
  const entry = ['@', entryType(item, options.dialect), '{', citationKey(item)];
  for (const [name, value] of fields) entry.push(',\n  ', name, ' = ', value);
  entry.push('\n}');
  return entry.join('');
}

/** A file of entries (in the order given): @preamble and @string first, comments last. */
export function assembleBib(entries: readonly string[], blocks?: BibtexBlocks): string {
  const { head, tail } = bibFrame(blocks);
  // One join of the entries: no array of twice as many pieces for a library's worth.
  return head + (entries.length > 0 ? `${entries.join(ENTRY_SEPARATOR)}${ENTRY_SEPARATOR}` : '') + tail;
}

/** Between two entries of a file, and after the last one. */
export const ENTRY_SEPARATOR = '\n\n';

/** What a file has before its entries (preambles, @string) and after them (comments). */
export function bibFrame(blocks?: BibtexBlocks): { head: string; tail: string } {
  const head: string[] = [];
  for (const preamble of blocks?.preambles ?? []) head.push(`@preamble{${preamble}}\n`);
  for (const [name, raw] of Object.entries(blocks?.strings ?? {})) head.push(`@string{${name} = ${raw}}\n`);
  if (head.length > 0) head.push('\n');
  return { head: head.join(''), tail: (blocks?.comments ?? []).map(commentText).join('') };
}

export function crossrefLink(item: ExportItem): CrossrefLink {
  return { citekey: item.citekey, crossref: item.fields.crossref };
}

function entryType(item: ExportItem, dialect: Dialect): string {
  return entryTypeFor(item.type, dialect, item.origin?.entryType, item.fields.type);
}

/** BibTeX keys cannot hold white space, commas, braces or quotes. */
function citationKey(item: ExportItem): string {
  const key = (item.citekey || item.key).replace(/[\s,{}()"#%'=\\~]/g, '-');
  return key || `item-${item.id}`;
}

/** @comment{...} when its braces balance, else `%` lines (which BibTeX also skips). */
function commentText(comment: string): string {
  let depth = 0;
  for (const ch of comment) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) break;
  }
  if (depth === 0) return `@comment{${comment}}\n\n`;
  return `${comment
    .split('\n')
    .map((line) => `% ${line}`)
    .join('\n')}\n\n`;
}

/** What ordering by crossref needs to know of an entry. */
export interface CrossrefLink {
  citekey: string;
  /** The citation key this entry's `crossref` field names, if any. */
  crossref?: string | undefined;
}

/**
 * BibTeX only resolves a crossref to an entry that comes later in the file, so parents
 * move after every entry that refers to them (grandparents after parents). Generic so that
 * a kept-updated file can order entries it has rendered before (service/bindings.ts).
 */
export function crossrefParentsLast<T>(items: readonly T[], link: (item: T) => CrossrefLink): readonly T[] {
  const links = items.map(link);
  if (!links.some((l) => l.crossref !== undefined)) return items;
  const byKey = new Map<string, number>();
  links.forEach((l, index) => byKey.set(l.citekey.toLowerCase(), index));
  const level = new Map<number, number>();
  for (let index = 0; index < items.length; index++) {
    let child = index;
    for (let steps = 0; steps < items.length; steps++) {
      const parentKey = links[child]!.crossref?.toLowerCase();
      const parent = parentKey === undefined ? undefined : byKey.get(parentKey);
      if (parent === undefined || parent === index) break;
      const depth = (level.get(child) ?? 0) + 1;
      if ((level.get(parent) ?? 0) >= depth) break;
      level.set(parent, depth);
      child = parent;
    }
  }
  if (level.size === 0) return items;
  return items
    .map((item, index) => ({ item, index, level: level.get(index) ?? 0 }))
    .sort((a, b) => a.level - b.level || a.index - b.index)
    .map(({ item }) => item);
}
