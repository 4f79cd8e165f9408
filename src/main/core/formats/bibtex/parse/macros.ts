// The @string table. Names are case-insensitive in BibTeX; the month macros are predefined
// by every standard style, so a file may use them without defining them.
import { MONTH_NAMES } from '../../../text/months';

export const MONTH_MACROS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

export class MacroTable {
  private readonly values = new Map<string, string>();

  constructor() {
    MONTH_MACROS.forEach((name, index) => this.values.set(name, MONTH_NAMES[index]!));
  }

  define(name: string, value: string): void {
    this.values.set(name.toLowerCase(), value);
  }

  lookup(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }
}
