// The item pane's plain fields: labels, which ones exist, and checks that mirror main's
// (main stays the authority; these give the message before a round trip).
import type { ItemData, ItemDetail } from '../../../shared/domain';

export type TextField =
  | 'title'
  | 'date'
  | 'container'
  | 'volume'
  | 'issue'
  | 'pages'
  | 'publisher'
  | 'doi'
  | 'arxiv'
  | 'url'
  | 'language'
  | 'citekey'
  | 'abstract';

export interface FieldSpec {
  field: TextField;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  /** Text fields that must not be empty. */
  required?: boolean;
}

export const BIBLIOGRAPHIC_FIELDS: FieldSpec[] = [
  { field: 'title', label: 'Title', required: true, multiline: true },
  { field: 'date', label: 'Date', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { field: 'container', label: 'Venue', placeholder: 'Journal, proceedings or book' },
  { field: 'volume', label: 'Volume' },
  { field: 'issue', label: 'Issue' },
  { field: 'pages', label: 'Pages' },
  { field: 'publisher', label: 'Publisher' },
  { field: 'language', label: 'Language' },
];

export const IDENTIFIER_FIELDS: FieldSpec[] = [
  { field: 'citekey', label: 'Citation key', required: true },
  { field: 'doi', label: 'DOI', placeholder: '10.1234/abc' },
  { field: 'arxiv', label: 'arXiv', placeholder: '2306.08543' },
  { field: 'url', label: 'URL', placeholder: 'https://…' },
];

export const ABSTRACT_FIELD: FieldSpec = { field: 'abstract', label: 'Abstract', multiline: true };

const DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const CITEKEY = /^[^\s,{}()"#%'=\\]{1,200}$/;
const FIELD_NAME = /^[A-Za-z0-9][\w.:+-]{0,99}$/;

export function fieldValue(item: ItemDetail, field: TextField): string {
  return item[field] ?? '';
}

/** Why `value` cannot be stored in `field`, or undefined when it can. */
export function fieldProblem(field: TextField, value: string): string | undefined {
  const text = value.trim();
  if (field === 'title' && !text) return 'The title cannot be empty.';
  if (field === 'citekey') {
    if (!text) return 'The citation key cannot be empty.';
    if (!CITEKEY.test(text)) return 'Citation keys have no spaces or any of , { } ( ) " # % \' = \\';
  }
  if (!text) return undefined;
  if (field === 'date' && !DATE.test(text))
    return `"${text}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.`;
  if (field === 'doi' && !/^10\.\d{4,9}\/\S+$/.test(text))
    return `"${text}" is not a DOI (they look like 10.1234/abc.5678).`;
  if (field === 'url' && !/^https?:\/\/\S+$/i.test(text))
    return `"${text}" is not a web address (it must start with http:// or https://).`;
  if (field === 'arxiv' && !/^(arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i.test(text))
    return `"${text}" is not an arXiv id (like 2306.08543 or hep-th/9901001).`;
  return undefined;
}

/** The patch that stores `value` (an empty optional field is cleared). */
export function patchFor(field: TextField, value: string): Partial<ItemData> {
  return { [field]: value.trim() } as Partial<ItemData>;
}

export function fieldNameProblem(name: string, existing: Record<string, string>): string | undefined {
  if (!FIELD_NAME.test(name))
    return 'Field names are letters, digits and _ . : + - (starting with a letter or digit).';
  if (['__proto__', 'constructor', 'prototype'].includes(name)) return `"${name}" is reserved.`;
  if (Object.hasOwn(existing, name)) return `The item already has a field "${name}".`;
  return undefined;
}
