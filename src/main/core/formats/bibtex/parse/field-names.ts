// Field names repeat in every entry. Reading each one as a new string (and lower-casing it)
// costs an allocation per field; this table hands back the same lower-case string for the
// same spelling, found by a cheap hash and confirmed with startsWith, allocating nothing.
const SLOTS = 1024;

export class FieldNameTable {
  private readonly written: (string | undefined)[] = new Array<string | undefined>(SLOTS);
  private readonly lower: string[] = new Array<string>(SLOTS);

  /** The lower-case name spelled by text[start, end). */
  read(text: string, start: number, end: number): string {
    const length = end - start;
    const slot = (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & (SLOTS - 1);
    const known = this.written[slot];
    if (known !== undefined && known.length === length && text.startsWith(known, start))
      return this.lower[slot]!;
    const name = text.slice(start, end);
    const lower = name.toLowerCase();
    this.written[slot] = name;
    this.lower[slot] = lower;
    return lower;
  }
}
