// The contract between the library and its file formats. A format turns text into
// ItemData records (with positioned issues) or items into text; it never touches the
// database, so each one can be tested, fuzzed and benchmarked on its own.
import type { InputIssue, Item, ItemData } from '../../../shared/domain';

export interface ParsedRecord {
  data: ItemData;
  /** 1-based line where the record starts in the input. */
  line: number;
}

/** Present when the input is a digest: an ordered list of papers with a date. */
export interface ParsedDigest {
  /** Format id it came from, e.g. "hf-text". */
  source: string;
  title?: string;
  /** Partial ISO date of the digest ("2026-06-17"), when known. */
  date?: string;
  /** True when the year (or the whole date) was inferred rather than read. */
  dateInferred?: boolean;
}

export interface ParseResult {
  format: string;
  records: ParsedRecord[];
  /** Input that could not be imported. Every valid record around it is still in `records`. */
  errors: InputIssue[];
  /** Imported, but worth telling the user (undefined macro, renamed duplicate key, skipped entry...). */
  warnings: InputIssue[];
  /** The encoding the text was decoded from, when the input was bytes. */
  encoding?: string;
  digest?: ParsedDigest;
  /** File-level BibTeX material with no item of its own, kept so it can be written back. */
  preambles?: string[];
  comments?: string[];
  strings?: Record<string, string>;
}

export interface ImportOptions {
  /** Year for digest dates written without one ("Jun 17"). */
  yearHint?: number;
  /** The current time; digest dates without a year resolve to the latest one not after it. */
  now?: Date;
}

export interface ImportFormat {
  id: string;
  label: string;
  extensions: string[];
  /** How sure (0..1) this format is that `text` is its kind. Cheap: looks at the start. */
  detect(text: string): number;
  parse(text: string, options?: ImportOptions): ParseResult;
}

/** An item as exporters see it: stored fields plus the relations they may write. */
export interface ExportItem extends Item {
  tags: string[];
}

export interface ExportOptions {
  /** Title and date for digest-style exports. */
  title?: string;
  date?: string;
  /** BibTeX family: write non-ASCII as UTF-8 instead of LaTeX commands. */
  unicode?: boolean;
}

export interface ExportFormat {
  id: string;
  label: string;
  extension: string;
  mediaType: string;
  export(items: ExportItem[], options?: ExportOptions): string;
}
