// BibTeX and BibLaTeX (docs/decisions/0010-0012): a hand-written scanner that reports
// every syntax error with its position and entry and keeps the entries around it; LaTeX
// decoded to Unicode for display with each field's raw text kept in origin; export in
// either dialect that writes an unchanged item's values back byte for byte.
//
// Conventions a caller needs:
// - ParseResult.strings maps each @string name to its raw value expression; preambles
//   and comments are raw too. Pass them back as `blocks` to export them (exporter.ts).
// - origin.fields[name].raw is "" for a field inherited through crossref/xdata: shown in
//   ItemData, never written back into the child entry.
// - A final "and others" is the Creator { literal: "others" }.
import type { ExportFormat, ExportItem, ImportFormat } from '../types';
import { BIBTEX_FORMAT } from './convert/to-item';
import { type BibExportOptions, exportBib } from './export/exporter';
import { parseBibtex } from './import';

export { parseBibtex, parseBibtexBytes } from './import';
export {
  assembleBib,
  BIB_ENTRY_REVISION,
  bibFrame,
  bibEntry,
  bibEntryOptions,
  bibEntryVariant,
  crossrefLink,
  crossrefParentsLast,
  ENTRY_SEPARATOR,
  exportBib,
  type BibEntryOptions,
  type BibExportOptions,
  type BibtexBlocks,
  type CrossrefLink,
} from './export/exporter';

const ENTRY_AT_LINE_START = /^[ \t]*@[A-Za-z]+[ \t]*[{(]/m;

export const bibtexImport: ImportFormat = {
  id: BIBTEX_FORMAT,
  label: 'BibTeX / BibLaTeX',
  extensions: ['bib', 'bibtex', 'biblatex'],
  detect(text) {
    const head = text.slice(0, 16384);
    if (!ENTRY_AT_LINE_START.test(head)) return 0;
    return /^[ \t]*@(?:string|preamble|comment|[A-Za-z]+[ \t]*[{(][^,=\s]*,)/im.test(head) ? 0.95 : 0.7;
  },
  parse: (text) => parseBibtex(text),
};

export const bibtexExport: ExportFormat = {
  id: 'bibtex',
  label: 'BibTeX',
  extension: 'bib',
  mediaType: 'application/x-bibtex',
  export: (items: ExportItem[], options?: BibExportOptions) => exportBib(items, 'bibtex', options),
};

export const biblatexExport: ExportFormat = {
  id: 'biblatex',
  label: 'BibLaTeX',
  extension: 'bib',
  mediaType: 'application/x-bibtex',
  export: (items: ExportItem[], options?: BibExportOptions) => exportBib(items, 'biblatex', options),
};
