// RIS dates: PY (year, or "2017/06/12/" in older files), Y1 (old primary date) and DA
// ("2017/06/12/other info"). Sheaf writes PY = year and DA = "YYYY/MM/DD/" when it knows
// the month. Reading keeps the most precise date that agrees with the year.
import { formatIsoDate, parseIsoDate, readLooseDate, type ReadDate } from '../csl/partial-date';
import type { RisEntry } from './ris-lexer';

export const DATE_TAGS = ['PY', 'Y1', 'DA'] as const;

export interface RisDateRead {
  date?: string;
  /** Entries fully represented by `date`; the others stay in the open fields. */
  used: RisEntry[];
  /** Entries with no readable date at all. */
  unreadable: RisEntry[];
}

/** Free-text dates keep only a year they contain; the exact text goes to the Sheaf line. */
export function writeRisDate(date: string): { PY?: string; DA?: string } {
  const parts = parseIsoDate(date) ?? readLooseDate(date)?.date;
  if (!parts) return {};
  const year = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return { PY: year };
  const month = String(parts.month).padStart(2, '0');
  const day = parts.day === undefined ? '' : String(parts.day).padStart(2, '0');
  return { PY: year, DA: `${year}/${month}/${day}/` };
}

/** `first` gives the first entry of a tag. */
export function readRisDate(first: (tag: string) => RisEntry | undefined): RisDateRead {
  const unreadable: RisEntry[] = [];
  const candidates: { entry: RisEntry; read: ReadDate }[] = [];
  for (const tag of DATE_TAGS) {
    const entry = first(tag);
    if (!entry || entry.value === '') continue;
    const read = readLooseDate(entry.value);
    if (read) candidates.push({ entry, read });
    else unreadable.push(entry);
  }
  const base = candidates.find((candidate) => candidate.entry.tag !== 'DA') ?? candidates[0];
  if (!base) return { used: [], unreadable };
  const best = candidates.reduce(
    (chosen, candidate) =>
      candidate.read.date.year === base.read.date.year && precision(candidate.read) > precision(chosen.read)
        ? candidate
        : chosen,
    base,
  );
  const date = formatIsoDate(best.read.date);
  // An entry is used up when it is complete and says nothing the chosen date does not.
  const used = candidates
    .filter(({ read }) => read.complete && date.startsWith(formatIsoDate(read.date)))
    .map(({ entry }) => entry);
  return { date, used, unreadable };
}

function precision(read: ReadDate): number {
  return read.date.day !== undefined ? 3 : read.date.month !== undefined ? 2 : 1;
}
