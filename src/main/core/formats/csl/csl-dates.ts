// CSL date objects ↔ ItemData's partial ISO dates. Sheaf writes {"date-parts": [[y, m, d]]};
// other tools also write {raw}, {literal}, seasons, ranges, or a plain string.
import { isObject, own } from './domain-guards';
import { buildDate, formatIsoDate, parseIsoDate, readLooseDate } from './partial-date';

export interface CslDate {
  'date-parts'?: number[][];
  raw?: string;
}

export interface ReadCslDate {
  /** Partial ISO date, when one could be read. */
  date?: string;
  /** The text as written, when it said more than the date (a season, free text) or nothing readable. */
  text?: string;
  problem?: string;
}

/** date-parts for a partial ISO date; undefined when the text is not one. */
export function cslDateFromIso(date: string): CslDate | undefined {
  const parts = parseIsoDate(date);
  if (!parts) return undefined;
  const numbers = [parts.year];
  if (parts.month !== undefined) numbers.push(parts.month);
  if (parts.day !== undefined) numbers.push(parts.day);
  return { 'date-parts': [numbers] };
}

export function readCslDate(value: unknown): ReadCslDate {
  if (typeof value === 'string') return fromText(value);
  if (!isObject(value)) return { problem: 'should be a CSL date object' };
  const fromParts = readDateParts(own(value, 'date-parts'));
  if (fromParts) return { date: fromParts };
  for (const key of ['raw', 'literal']) {
    const text = own(value, key);
    if (typeof text === 'string' && text.trim() !== '') return fromText(text);
  }
  const season = own(value, 'season');
  if (season !== undefined) return { text: String(season), problem: 'has a season but no year' };
  return { problem: 'has no readable date-parts, raw or literal' };
}

function fromText(text: string): ReadCslDate {
  const read = readLooseDate(text);
  if (!read) return { text, problem: `could not read a date in ${JSON.stringify(text)}` };
  const date = formatIsoDate(read.date);
  return read.complete ? { date } : { date, text };
}

/** The first date of [[y, m, d], [y2, m2, d2]]; parts may be numbers or numeric strings. */
function readDateParts(value: unknown): string | undefined {
  if (!Array.isArray(value) || !Array.isArray(value[0])) return undefined;
  const parts = (value[0] as unknown[]).slice(0, 3).map(toInteger);
  const [year, month, day] = parts;
  if (year === undefined) return undefined;
  const date = buildDate(year, month, day);
  return date ? formatIsoDate(date) : undefined;
}

function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\d{1,4}$/.test(value.trim())) return Number(value);
  return undefined;
}
