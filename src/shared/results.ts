// Result shapes of API methods that are not plain domain objects.
import type { Digest, InputIssue, NoteSummary } from './domain';

export interface LibraryInfo {
  path: string;
  name: string;
  itemCount: number;
  trashCount: number;
  schemaVersion: number;
  readonly: boolean;
}

export interface HistoryStep {
  id: number;
  label: string;
  created: string;
  undone: boolean;
}

export interface TrashContents {
  itemCount: number;
  collections: { id: number; name: string; deleted: string }[];
  notes: (NoteSummary & { deleted: string })[];
  digests: { id: number; title: string; deleted: string }[];
}

/** One record found by an import, before anything is written. */
export interface PreviewRecord {
  index: number;
  title: string;
  creators: string;
  year?: string;
  citekey?: string;
  /** The library item this record duplicates, if any. */
  duplicateOf?: { id: number; title: string };
  line: number;
  links: number;
}

export interface ImportPreview {
  /** Handle for import.commit; valid until committed, cancelled or replaced. */
  id: string;
  format: string;
  formatLabel: string;
  encoding?: string;
  records: PreviewRecord[];
  errors: InputIssue[];
  warnings: InputIssue[];
  digest?: { source: string; title: string; date?: string; dateInferred?: boolean };
  duplicates: number;
}

export interface ImportReport {
  added: number;
  duplicates: number;
  updated: number;
  skipped: number;
  errors: InputIssue[];
  warnings: InputIssue[];
  format: string;
  encoding?: string;
  digest?: Digest;
  /** Ids of the items the import added or matched, in input order. */
  itemIds: number[];
  collectionId?: number;
}

export interface ExportResult {
  text: string;
  count: number;
  format: string;
  /** A suggested file name. */
  filename: string;
  mediaType: string;
}

export interface FormatInfo {
  id: string;
  label: string;
  extensions: string[];
}

export interface Settings {
  citekeyFormula: string;
  bibtexUnicode: boolean;
}

export interface Binding {
  id: number;
  scope: ExportScope;
  scopeLabel: string;
  path: string;
  format: 'bibtex' | 'biblatex';
  lastWritten?: string;
  lastError?: string;
}

export type ExportScope =
  | { kind: 'library' }
  | { kind: 'collection'; id: number; recursive?: boolean }
  | { kind: 'digest'; id: number }
  | { kind: 'items'; ids: number[] }
  | { kind: 'search'; query: string };

export interface Backup {
  file: string;
  created: string;
  itemCount: number;
  size: number;
}
