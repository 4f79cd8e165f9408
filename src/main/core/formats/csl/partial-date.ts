// Partial dates ("2017", "2017-06", "2017-06-12") as ItemData stores them, and a lenient
// reader for the ways other tools write dates: "2017/06/12/", "2017-6", "12 June 2017",
// "June 2017". Shared by the CSL-JSON and RIS readers.

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export interface ReadDate {
  date: PartialDate;
  /** False when the text held more than a date (a season, "circa", free text) that was dropped. */
  complete: boolean;
}

const STRICT_ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// Year, then optional month and day, separated by - / or .; RIS appends "/other info".
const NUMERIC = /^\s*(\d{4})(?:[-/.](\d{0,2})(?:[-/.](\d{0,2}))?)?(\/[^]*)?\s*$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAME =
  /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?/i;
const YEAR = /\b(\d{4})\b/;
const DAY = /\b(\d{1,2})(?:st|nd|rd|th)?\b/;

/** Reads "2017", "2017-06" or "2017-06-12" exactly as ItemData writes them; nothing else. */
export function parseIsoDate(text: string): PartialDate | undefined {
  const match = STRICT_ISO.exec(text);
  if (!match) return undefined;
  const date = buildDate(Number(match[1]), optionalNumber(match[2]), optionalNumber(match[3]));
  return date && formatIsoDate(date) === text ? date : undefined;
}

export function formatIsoDate(date: PartialDate): string {
  let text = String(date.year).padStart(4, '0');
  if (date.month !== undefined) text += `-${pad2(date.month)}`;
  if (date.month !== undefined && date.day !== undefined) text += `-${pad2(date.day)}`;
  return text;
}

/** Builds a date from numeric parts, dropping a month or day that cannot be one. */
export function buildDate(year: number, month?: number, day?: number): PartialDate | undefined {
  if (!Number.isInteger(year) || year < 0 || year > 9999) return undefined;
  if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12) return { year };
  if (day === undefined || !Number.isInteger(day) || day < 1 || day > 31) return { year, month };
  return { year, month, day };
}

export function readLooseDate(text: string): ReadDate | undefined {
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const month = optionalNumber(numeric[2]);
    const day = optionalNumber(numeric[3]);
    const date = buildDate(Number(numeric[1]), month, day);
    if (!date) return undefined;
    const extra = (numeric[4] ?? '').replace(/^\/+/, '').trim();
    const droppedPart = (month !== undefined && date.month === undefined) || (day !== undefined && !date.day);
    return { date, complete: !droppedPart && extra === '' };
  }
  return readWordyDate(text);
}

/** "12 June 2017", "June 12, 2017", "Jun. 2017": never complete, the words are kept elsewhere. */
function readWordyDate(text: string): ReadDate | undefined {
  const year = YEAR.exec(text);
  if (!year) return undefined;
  const monthMatch = MONTH_NAME.exec(text);
  const month = monthMatch ? MONTHS.indexOf(monthMatch[1]!.slice(0, 3).toLowerCase()) + 1 : undefined;
  const rest = text.replace(year[0], ' ');
  const dayMatch = month !== undefined ? DAY.exec(rest) : null;
  const date = buildDate(Number(year[1]), month, dayMatch ? Number(dayMatch[1]) : undefined);
  return date ? { date, complete: false } : undefined;
}

function optionalNumber(text: string | undefined): number | undefined {
  return text ? Number(text) : undefined;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
