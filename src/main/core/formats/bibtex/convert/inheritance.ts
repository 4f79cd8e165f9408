// crossref and xdata: fields an entry inherits from other entries, for display only. The
// inherited fields are returned separately so import can mark them (raw "") and export
// can leave them out again. Cycles and dangling references end the walk with a warning.
import type { RawEntry } from '../parse/ast';
import { fieldValue } from '../parse/ast';

export interface InheritedField {
  name: string;
  latex: string;
}

export interface InheritanceProblem {
  entry: RawEntry;
  message: string;
}

/** Fields biblatex never inherits. */
const NOT_INHERITED = new Set([
  'ids',
  'crossref',
  'xref',
  'xdata',
  'entryset',
  'entrysubtype',
  'execute',
  'label',
  'options',
  'presort',
  'related',
  'relatedoptions',
  'relatedstring',
  'relatedtype',
  'shorthand',
  'shorthandintro',
  'sortkey',
]);

const MULTI_VOLUME = new Set(['mvbook', 'mvcollection', 'mvproceedings', 'mvreference']);
const BOOK_LIKE = new Set(['book', 'collection', 'proceedings', 'reference', ...MULTI_VOLUME]);
const IN_BOOK = new Set([
  'inbook',
  'bookinbook',
  'suppbook',
  'incollection',
  'suppcollection',
  'inproceedings',
  'conference',
  'inreference',
]);
const WHOLE_BOOK = new Set(['book', 'collection', 'proceedings', 'reference']);
const TITLE_FIELDS = ['title', 'subtitle', 'titleaddon'];
const UNINHERITED_TITLES = new Set(['shorttitle', 'sorttitle', 'indextitle', 'indexsorttitle']);

/** biblatex's default inheritance: which child fields a parent field fills. */
function targetNames(parentType: string, childType: string, field: string): string[] {
  if (UNINHERITED_TITLES.has(field))
    return BOOK_LIKE.has(parentType) || parentType === 'periodical' ? [] : [field];
  if (TITLE_FIELDS.includes(field)) {
    if (MULTI_VOLUME.has(parentType) && (IN_BOOK.has(childType) || WHOLE_BOOK.has(childType)))
      return [`main${field}`];
    if (BOOK_LIKE.has(parentType) && IN_BOOK.has(childType)) return [`book${field}`];
    if (parentType === 'periodical' && (childType === 'article' || childType === 'suppperiodical')) {
      return [`journal${field}`];
    }
    return [field];
  }
  if (field === 'author' && BOOK_LIKE.has(parentType) && IN_BOOK.has(childType))
    return ['author', 'bookauthor'];
  return [field];
}

export class InheritanceResolver {
  private readonly byKey = new Map<string, RawEntry>();
  readonly problems: InheritanceProblem[] = [];

  constructor(
    private readonly text: string,
    entries: readonly RawEntry[],
  ) {
    for (const entry of entries) {
      const key = entry.key.toLowerCase();
      if (key && !this.byKey.has(key)) this.byKey.set(key, entry);
    }
  }

  /** Fields `entry` lacks and inherits, in the order found. */
  inherited(entry: RawEntry): InheritedField[] {
    if (!entry.fields.some((field) => field.name === 'xdata' || field.name === 'crossref')) return [];
    const own = new Set(entry.fields.map((field) => field.name));
    const result = new Map<string, string>();
    this.collect(entry, own, result, new Set([entry]));
    return [...result].map(([name, latex]) => ({ name, latex }));
  }

  private collect(entry: RawEntry, has: Set<string>, into: Map<string, string>, path: Set<RawEntry>): void {
    for (const field of entry.fields) {
      if (field.name !== 'xdata' && field.name !== 'crossref') continue;
      const keys =
        field.name === 'xdata' ? fieldValue(this.text, field).split(',') : [fieldValue(this.text, field)];
      for (const rawKey of keys) {
        const parent = this.resolve(entry, rawKey.trim(), field.name, path);
        if (!parent) continue;
        path.add(parent);
        const parentFields = this.ownAndInherited(parent, path);
        path.delete(parent);
        const parentType = parent.type.toLowerCase();
        const childType = entry.type.toLowerCase();
        for (const [name, latex] of parentFields) {
          if (NOT_INHERITED.has(name)) continue;
          const targets = field.name === 'xdata' ? [name] : targetNames(parentType, childType, name);
          for (const target of targets) {
            if (has.has(target) || into.has(target)) continue;
            into.set(target, latex);
          }
        }
      }
    }
  }

  private resolve(entry: RawEntry, key: string, via: string, path: Set<RawEntry>): RawEntry | undefined {
    if (!key) return undefined;
    const parent = this.byKey.get(key.toLowerCase());
    if (!parent) {
      // BibTeX itself warns about a missing crossref target; a dangling xdata is biber's error.
      this.problems.push({ entry, message: `${via} refers to "${key}", which is not in this file` });
      return undefined;
    }
    if (path.has(parent)) {
      this.problems.push({ entry, message: `${via} to "${key}" makes a cycle; not followed further` });
      return undefined;
    }
    return parent;
  }

  /** A parent's own fields plus what it inherits in turn, own fields first. */
  private ownAndInherited(parent: RawEntry, path: Set<RawEntry>): Map<string, string> {
    const fields = new Map<string, string>();
    for (const field of parent.fields) {
      if (!fields.has(field.name)) fields.set(field.name, fieldValue(this.text, field));
    }
    this.collect(parent, new Set(fields.keys()), fields, path);
    return fields;
  }
}
