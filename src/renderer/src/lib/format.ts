// Small display helpers: counts, dates, years.

const numbers = new Intl.NumberFormat();
const dateTimes = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dates = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const compactDates = new Intl.DateTimeFormat(undefined, {
  year: '2-digit',
  month: '2-digit',
  day: '2-digit',
});
const dayMonthYear = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', year: 'numeric' });

export function count(n: number): string {
  return numbers.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** "12 Mar 2026, 14:05" from an ISO timestamp. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimes.format(date);
}

/** "12 Mar 2026" from an ISO timestamp. */
export function shortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dates.format(date);
}

/** "26/11/26" (in the user's order) from an ISO timestamp: for narrow columns. */
export function compactDate(iso: string): string {
  // Formatting is slow next to a scroll frame's budget; rows repeat dates a lot.
  let text = compactCache.get(iso);
  if (text === undefined) {
    const date = new Date(iso);
    text = Number.isNaN(date.getTime()) ? iso : compactDates.format(date);
    if (compactCache.size > 10_000) compactCache.clear();
    compactCache.set(iso, text);
  }
  return text;
}
const compactCache = new Map<string, string>();

/** "Jun 17, 2026" for a full partial-ISO date; shorter ones as they are. */
export function calendarDate(date: string | undefined): string {
  if (!date) return 'Undated';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  return dayMonthYear.format(new Date(`${date}T12:00:00`));
}

/** The year of a partial ISO date ("2017-06" → "2017"). */
export function yearOf(date: string | undefined): string {
  return date ? date.slice(0, 4) : '';
}
