// Dates as digests write them ("Jun 17", "Wed, 14 Jun 2023 18:01:23 GMT", ISO stamps),
// turned into the partial ISO dates Sheaf stores. A date is taken as written: no time
// zone conversion, so a feed's "Fri, 14 Jun 2024 00:00:00 -0400" stays the 14th.
import { MONTH_NAMES } from '../../../text/months';
import type { ImportOptions } from '../../types';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

export interface MonthDay {
  month: number;
  day: number;
  year?: number;
}

/** "Jun", "June", "Sept." → 6, 6, 9; anything else → undefined. */
export function monthNumber(word: string): number | undefined {
  const key = word.toLowerCase().replace(/\.$/, '');
  if (key.length < 3) return undefined;
  const short = MONTHS[key.slice(0, key === 'sept' ? 4 : 3)];
  if (short === undefined) return undefined;
  const full = MONTH_NAMES[short - 1]!.toLowerCase();
  return full.startsWith(key) || key === 'sept' ? short : undefined;
}

export function monthAbbreviation(month: number): string {
  return MONTH_NAMES[month - 1]?.slice(0, 3) ?? '';
}

const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_FIRST = new RegExp(
  String.raw`^${WEEKDAY}([a-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`,
  'i',
);
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})\s+([a-z]{3,9}\.?)(?:,?\s+(\d{4}))?$`, 'i');
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A line that is nothing but a calendar date: "Jun 17", "June 17, 2025", "17 Jun",
 * "Tue, Jun 17", "2025-06-17". This is how digests write their own date.
 */
export function parseDateLine(line: string): MonthDay | undefined {
  const text = line.trim();
  if (text.length > 40) return undefined;
  let month: number | undefined;
  let day: number;
  let year: number | undefined;
  let match = MONTH_FIRST.exec(text);
  if (match) {
    month = monthNumber(match[1]!);
    day = Number(match[2]);
    year = match[3] ? Number(match[3]) : undefined;
  } else if ((match = DAY_FIRST.exec(text))) {
    month = monthNumber(match[2]!);
    day = Number(match[1]);
    year = match[3] ? Number(match[3]) : undefined;
  } else if ((match = ISO_DAY.exec(text))) {
    month = Number(match[2]);
    day = Number(match[3]);
    year = Number(match[1]);
  } else {
    return undefined;
  }
  if (month === undefined || month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year ?? 2000, month)) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function isoDate(year: number, month?: number, day?: number): string {
  if (month === undefined) return String(year);
  if (day === undefined) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Gives a month/day its year: the one written, else `options.yearHint`, else the most
 * recent year in which that day is not after `options.now` (a digest is never dated in
 * the future). 29 February goes back to the latest leap year.
 */
export function resolveDigestDate(
  value: MonthDay,
  options: ImportOptions = {},
): { date: string; inferred: boolean } | undefined {
  if (value.year !== undefined) return { date: isoDate(value.year, value.month, value.day), inferred: false };
  if (options.yearHint !== undefined) {
    if (value.day > daysInMonth(options.yearHint, value.month)) return undefined;
    return { date: isoDate(options.yearHint, value.month, value.day), inferred: true };
  }
  const now = options.now ?? new Date();
  const today = isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  for (let year = now.getFullYear(); year > now.getFullYear() - 8; year--) {
    if (value.day > daysInMonth(year, value.month)) continue;
    const candidate = isoDate(year, value.month, value.day);
    if (candidate <= today) return { date: candidate, inferred: true };
  }
  return undefined;
}

const RFC_822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})\b/i;
const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s])/;
const MONTH_YEAR = /^([a-z]{3,9})\.?\s+(\d{4})$/i;

/**
 * Any date a feed, mail or API writes, as partial ISO: ISO 8601 stamps, RFC 822 dates
 * (two-digit years are 20xx, as arXiv mails write them), "June 2023", "2023".
 */
export function toPartialIsoDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let match = ISO_PREFIX.exec(text);
  if (match) {
    const year = Number(match[1]);
    const month = match[2] ? Number(match[2]) : undefined;
    const day = match[3] ? Number(match[3]) : undefined;
    if (month !== undefined && (month < 1 || month > 12)) return undefined;
    if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
      return undefined;
    }
    return isoDate(year, month, day);
  }
  match = RFC_822.exec(text);
  if (match) {
    const month = monthNumber(match[2]!);
    const day = Number(match[1]);
    const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    if (month === undefined || day < 1 || day > daysInMonth(year, month)) return undefined;
    return isoDate(year, month, day);
  }
  match = MONTH_YEAR.exec(text);
  if (match) {
    const month = monthNumber(match[1]!);
    return month === undefined ? undefined : isoDate(Number(match[2]), month);
  }
  const line = parseDateLine(text);
  return line?.year === undefined ? undefined : isoDate(line.year, line.month, line.day);
}

/** "2025-06-17" → "Jun 17, 2025"; partial dates are written as they are. */
export function formatDigestDate(date: string): string {
  const match = ISO_DAY.exec(date);
  if (!match) return date;
  return `${monthAbbreviation(Number(match[2]))} ${Number(match[3])}, ${match[1]}`;
}
