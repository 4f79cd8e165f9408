// What the scanner hands to the converter: entries as written, with every field's raw
// source text and its macro-expanded (still LaTeX) value. No decoding happens here.

/**
 * A field as offsets into the source, not strings: a 4 MB file has 100k+ fields, and
 * slicing two strings for each one up front doubles the parse time in garbage collection.
 * Read the strings with `fieldRaw` and `fieldValue`.
 */
export interface RawField {
  /** Lower-case field name. */
  name: string;
  /** Offset of the field name. */
  offset: number;
  /** The value exactly as written after `=`: `{...}`, `"..."`, `jun`, `j-TUGboat # " and "`... */
  rawStart: number;
  rawEnd: number;
  /** The expanded value when it is not simply the raw text minus its delimiters (macros, `#`). */
  expanded: string | undefined;
}

export interface RawEntry {
  /** Entry type as written, e.g. "ARTICLE". */
  type: string;
  /** Citation key as written; "" when the entry has none. */
  key: string;
  fields: RawField[];
  /** Offset of the `@`. */
  offset: number;
}

export interface RawIssue {
  offset: number;
  message: string;
  /** Citation key (or `@type`) of the entry the issue belongs to. */
  entry?: string;
}

export interface RawBib {
  /** The source text the offsets refer to. */
  text: string;
  entries: RawEntry[];
  /** @string definitions: name as written to the raw value expression, in file order. */
  strings: Record<string, string>;
  /** @preamble raw value expressions. */
  preambles: string[];
  /** @comment contents and free text found between entries. */
  comments: string[];
  errors: RawIssue[];
  warnings: RawIssue[];
  /** Entries that were reported as errors and not imported. */
  brokenEntries: number;
}

/** The value as written after `=`, delimiters included. */
export function fieldRaw(text: string, field: RawField): string {
  return text.slice(field.rawStart, field.rawEnd);
}

/** Delimiters removed, macros expanded, pieces concatenated: LaTeX source text. */
export function fieldValue(text: string, field: RawField): string {
  return field.expanded ?? text.slice(field.rawStart + 1, field.rawEnd - 1);
}
