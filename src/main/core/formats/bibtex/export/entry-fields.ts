// One item → the fields of its entry. Each value is written fresh from ItemData unless the
// item came from BibTeX and the value is unchanged: then the raw text it was imported
// with is written back byte for byte (macros, braces, `--` and all). Libraries keep the
// entries this writes: a change to its output needs a new BIB_ENTRY_REVISION (exporter.ts).
import { LINK_LABELS, type Creator, type ItemData } from '../../../../../shared/domain';
import { monthMacro, readDate } from '../convert/dates';
import type { Dialect } from '../convert/entry-types';
import { bareArxivId, NAME_FIELDS, normalizeDoi, splitKeywords } from '../convert/field-values';
import { canonicalNameList, formatNameList } from '../names/format-names';
import { unicodeToLatex } from '../latex/encode';
import { fieldText } from './value-text';

export interface FieldWriterOptions {
  dialect: Dialect;
  /** Write non-ASCII as LaTeX commands. */
  ascii: boolean;
  /** Raw values that use @string macros are only reused when the macros are written too. */
  macrosAvailable: boolean;
}

type OriginFields = Record<string, { raw: string; value: string }>;
type Same = (originValue: string) => boolean;

const DATE_FIELDS = ['date', 'year', 'month', 'day'] as const;
const CONTAINER_FIELDS = ['journaltitle', 'journal', 'booktitle'];
const DOI_FIELDS = ['doi'];
const EXTENDED_NAME = /\b(?:family|given|prefix|suffix)\s*=/i;
const ISSUE_FIELDS = ['number', 'issue'];
const LANGUAGE_FIELDS = ['language', 'langid'];
const KEYWORD_FIELDS = ['keywords'];
const BOOK_CONTAINER_TYPES = new Set([
  'inproceedings',
  'incollection',
  'inbook',
  'book',
  'collection',
  'proceedings',
]);

export class EntryFields {
  /** Field name → text after `=`, in writing order. */
  readonly fields = new Map<string, string>();
  private readonly origin: OriginFields;

  constructor(
    private readonly item: ItemData,
    private readonly options: FieldWriterOptions,
  ) {
    this.origin = item.origin?.format === 'bibtex' ? (item.origin.fields ?? {}) : {};
  }

  build(): Map<string, string> {
    const { item } = this;
    this.writeCreators();
    if (item.title) this.write('title', item.title);
    this.writeContainer();
    this.writeDate();
    this.write('volume', item.volume);
    this.write('number', item.issue, ISSUE_FIELDS);
    this.write('pages', item.pages);
    this.write('publisher', item.publisher);
    this.write('doi', item.doi, DOI_FIELDS, (value) => normalizeDoi(value) === item.doi);
    this.writeArxiv();
    this.writeUrlAndLinks();
    this.write('language', item.language, LANGUAGE_FIELDS);
    this.writeTags();
    this.write('abstract', item.abstract);
    for (const [name, value] of Object.entries(item.fields)) {
      if (!this.fields.has(name)) this.write(name, value);
    }
    return this.sortedByOrigin();
  }

  /**
   * Writes `name` from `value`, reusing the raw text of the first source field whose
   * imported value is the same; a raw "" marks an inherited field, which is left out.
   */
  private write(name: string, value: string | undefined, sources?: readonly string[], same?: Same): void {
    if (value === undefined || this.fields.has(name)) return;
    if (sources === undefined) {
      // The common case (one field, plain equality), kept free of closures and arrays.
      const origin = this.origin[name];
      if (origin !== undefined && origin.value === value) {
        if (origin.raw === '') return;
        if (this.usable(origin.raw)) {
          this.fields.set(name, origin.raw);
          return;
        }
      }
    } else {
      for (const source of sources) {
        const origin = this.origin[source];
        if (!origin || !(same ? same(origin.value) : origin.value === value)) continue;
        if (origin.raw === '') return;
        if (this.usable(origin.raw)) {
          this.fields.set(name, origin.raw);
          return;
        }
      }
    }
    this.fields.set(name, fieldText(name, value, this.options.ascii));
  }

  /** Also writes back other imported fields that said the same thing (eprinttype beside archiveprefix). */
  private writeBackSame(sources: readonly string[], same: Same): void {
    for (const source of sources) {
      const origin = this.origin[source];
      if (!origin || this.fields.has(source) || origin.raw === '' || !same(origin.value)) continue;
      if (this.usable(origin.raw)) this.fields.set(source, origin.raw);
    }
  }

  /**
   * A raw value that uses macros needs their @string definitions in the same file. A raw
   * value that would make LaTeX read or write files, run programs or redefine commands is
   * never written back: the value is written fresh, its backslashes escaped (ADR 0055).
   */
  private usable(raw: string): boolean {
    return (
      (this.options.macrosAvailable || isSelfContained(raw)) && !TEX_PRIMITIVE.test(raw.replace(VERBATIM, ''))
    );
  }

  private writeCreators(): void {
    const byRole = new Map<string, Creator[]>();
    for (const creator of this.item.creators) {
      const list = byRole.get(creator.role) ?? [];
      list.push(creator);
      byRole.set(creator.role, list);
    }
    const encode = (text: string) => unicodeToLatex(text, this.options.ascii);
    // Roles in the order they first appear, so a re-import lists creators as they were.
    for (const [role, creators] of byRole) {
      if (!NAME_FIELDS.includes(role)) continue;
      const origin = this.origin[role];
      if (origin && origin.value === canonicalNameList(creators)) {
        if (origin.raw === '') continue; // inherited from a crossref parent
        // biblatex's `family=..., given=...` names are "too many commas" to BibTeX.
        const extended = EXTENDED_NAME.test(origin.raw);
        if (this.usable(origin.raw) && !(extended && this.options.dialect === 'bibtex')) {
          this.fields.set(role, origin.raw);
          continue;
        }
      }
      this.fields.set(role, `{${formatNameList(creators, encode, this.options.dialect === 'biblatex')}}`);
    }
  }

  private writeContainer(): void {
    const { item } = this;
    if (item.container === undefined) return;
    const book = BOOK_CONTAINER_TYPES.has(item.type);
    const name = book ? 'booktitle' : this.options.dialect === 'biblatex' ? 'journaltitle' : 'journal';
    this.write(name, item.container, CONTAINER_FIELDS);
  }

  private writeDate(): void {
    const { item, origin, fields } = this;
    if (!item.date) return;
    const hasImportedDate = origin.date || origin.year || origin.month || origin.day;
    const imported =
      hasImportedDate &&
      readDate({
        date: origin.date?.value,
        year: origin.year?.value,
        month: origin.month?.value,
        day: origin.day?.value,
      }).date;
    if (imported === item.date) {
      this.writeBackSame(DATE_FIELDS, () => true);
      const written = DATE_FIELDS.some((name) => fields.has(name));
      if (!written && DATE_FIELDS.some((name) => origin[name]?.raw === '')) return; // inherited
      if (this.options.dialect === 'biblatex' ? written : fields.has('year')) return;
    }
    const [year, month, day] = item.date.split('-');
    if (this.options.dialect === 'biblatex') {
      if (!fields.has('date')) fields.set('date', `{${item.date}}`);
      return;
    }
    // A year or month the open field map holds (it disagreed with date=) is written from there.
    const ownYear = item.fields.year !== undefined;
    const ownMonth = item.fields.month !== undefined;
    if (year && !ownYear && !fields.has('year')) fields.set('year', `{${year}}`);
    if (month && !ownMonth && !fields.has('month')) fields.set('month', monthMacro(Number(month)));
    // BibTeX has no day; `date` keeps it for biblatex and for Sheaf's own re-import.
    if ((day || ownYear || (month && ownMonth)) && !fields.has('date')) fields.set('date', `{${item.date}}`);
  }

  private writeArxiv(): void {
    const { item } = this;
    if (!item.arxiv) return;
    const sameId = (value: string) => bareArxivId(value) === item.arxiv;
    const isArxiv = (value: string) => value.toLowerCase() === 'arxiv';
    this.write('eprint', item.arxiv, ['eprint', 'arxivid'], sameId);
    if (this.options.dialect === 'biblatex')
      this.write('eprinttype', 'arxiv', ['eprinttype', 'archiveprefix'], isArxiv);
    else this.write('archiveprefix', 'arXiv', ['archiveprefix', 'eprinttype'], isArxiv);
    this.writeBackSame(['eprinttype', 'archiveprefix'], isArxiv);
    this.writeBackSame(['arxivid'], sameId);
  }

  /** url = the item's URL (else its first link); other links go to note / addendum as text. */
  private writeUrlAndLinks(): void {
    const { item } = this;
    const url = item.url ?? item.links[0]?.url;
    this.write('url', url);
    const others = item.links.filter((link) => link.url !== url);
    if (others.length === 0) return;
    const text = others.map((link) => `${link.label ?? LINK_LABELS[link.kind]}: ${link.url}`).join('; ');
    const field = this.options.dialect === 'biblatex' ? 'addendum' : 'note';
    const existing = item.fields[field];
    this.fields.set(
      field,
      `{${unicodeToLatex(existing ? `${existing}; ${text}` : text, this.options.ascii)}}`,
    );
  }

  private writeTags(): void {
    const tags = this.item.tags;
    if (!tags || tags.length === 0) return;
    const same = (value: string) => sameSet(splitKeywords(value), tags);
    this.write('keywords', tags.join(', '), KEYWORD_FIELDS, same);
  }

  /** Imported fields keep their original order; new ones follow in writing order. */
  private sortedByOrigin(): Map<string, string> {
    const { fields, origin } = this;
    let sorted: Map<string, string> | undefined;
    for (const name in origin) {
      const text = fields.get(name);
      if (text === undefined) continue;
      sorted ??= new Map();
      sorted.set(name, text);
    }
    if (!sorted) return fields;
    for (const [name, text] of fields) if (!sorted.has(name)) sorted.set(name, text);
    return sorted;
  }
}

function sameSet(a: string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((tag) => set.has(tag));
}

const MONTH_MACRO = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$/i;

/** One braced or quoted piece, a number or a month macro: meaningful without @strings. */
/** Commands that have no business in a bibliography field: file access, shell escape, definitions. */
const TEX_PRIMITIVE =
  /\\(?:input|include|openin|openout|read|write|write18|immediate|catcode|def|edef|gdef|xdef|let|csname|newcommand|renewcommand|providecommand|directlua|special|usepackage)(?![a-zA-Z])/;

/** \verb|...| spans: what they hold is printed, not run. */
const VERBATIM = /\\verb\*?([^A-Za-z\s*])[^\n]{0,200}?\1/g;

export function isSelfContained(raw: string): boolean {
  if (/^\d+$/.test(raw) || MONTH_MACRO.test(raw)) return true;
  const open = raw[0];
  if (open !== '{' && open !== '"') return false;
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '"' && open === '"' && depth === 0 && i > 0) return i === raw.length - 1;
    if (open === '{' && depth === 0) return i === raw.length - 1;
  }
  return false;
}
