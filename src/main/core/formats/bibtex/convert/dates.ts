// BibTeX year/month/day and biblatex date fields ↔ Sheaf's partial ISO date ("2017",
// "2017-06", "2017-06-12"). A range keeps its start; anything that is not a clean date is
// left for the open field map, so no text is lost.
import { MONTH_NAMES } from '../../../text/months';
import { MONTH_MACROS } from '../parse/macros';

export interface DateFields {
  date?: string;
  year?: string;
  month?: string;
  day?: string;
}

export interface DateReading {
  /** Partial ISO date, when one could be read. */
  date?: string;
  /** The fields that went into `date`; the others belong in the open field map. */
  used: Set<keyof DateFields>;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function readDate(fields: DateFields): DateReading {
  const used = new Set<keyof DateFields>();
  let date: string | undefined;
  if (fields.date !== undefined) {
    date = isoDateStart(fields.date);
    if (date) used.add('date');
  }
  const year = fields.year === undefined ? undefined : cleanYear(fields.year);
  if (!date && year) {
    date = year;
    used.add('year');
    const month = fields.month === undefined ? undefined : monthNumber(fields.month);
    if (month) {
      date += `-${pad(month)}`;
      used.add('month');
      const day = fields.day === undefined ? undefined : dayNumber(fields.day);
      if (day) {
        date += `-${pad(day)}`;
        used.add('day');
      }
    }
  } else if (date) {
    // date= wins; year/month that agree with it add nothing and need no field of their own.
    if (year && year === date.slice(0, 4)) used.add('year');
    const month = fields.month === undefined ? undefined : monthNumber(fields.month);
    if (month && pad(month) === date.slice(5, 7)) used.add('month');
    const day = fields.day === undefined ? undefined : dayNumber(fields.day);
    if (day && pad(day) === date.slice(8, 10)) used.add('day');
  }
  return date === undefined ? { used } : { date, used };
}

/** The start of a biblatex/EDTF date or range: "2014-02-02/2014-02-07" → "2014-02-02". */
export function isoDateStart(text: string): string | undefined {
  const start = text.trim().split('/')[0]!.trim();
  const match = ISO_DATE.exec(start.replace(/[~?%]$/, ''));
  if (!match) return undefined;
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return undefined;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

function cleanYear(text: string): string | undefined {
  const trimmed = text.trim();
  return /^\d{4}$/.test(trimmed) ? trimmed : undefined;
}

/** "jun", "June", "6", "06" → 6. */
export function monthNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\.$/, '');
  if (/^\d{1,2}$/.test(trimmed)) {
    const number = Number(trimmed);
    return number >= 1 && number <= 12 ? number : undefined;
  }
  const lower = trimmed.toLowerCase();
  const index = MONTH_NAMES.findIndex((name) => name.toLowerCase() === lower);
  if (index !== -1) return index + 1;
  const short = MONTH_MACROS.indexOf(lower);
  if (short !== -1) return short + 1;
  return lower === 'sept' ? 9 : undefined;
}

function dayNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return number >= 1 && number <= 31 ? number : undefined;
}

function pad(number: number): string {
  return number < 10 ? `0${number}` : String(number);
}

export function monthMacro(month: number): string {
  return MONTH_MACROS[month - 1] ?? String(month);
}
