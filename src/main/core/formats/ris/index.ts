// RIS, the tagged format of EndNote, Mendeley, Zotero and publishers' "export citation"
// (docs/decisions/0033). Import reads what those tools write (repeated and wrapped tags,
// CRLF, BOM, a missing final ER, junk between records); export writes RIS that bibutils
// and Zotero read, plus a Sheaf line (C8) only when RIS cannot carry the item (0034).
//
// Documented losses of export → import: `origin` becomes the RIS origin ({format: "ris",
// entryType: TY written, key: ID}); ItemData `tags` is always a list. Nothing else.
import type { ExportFormat, ImportFormat } from '../types';
import { exportRis } from './ris-export';
import { parseRis, RIS_FORMAT } from './ris-import';

const FIRST_TAG = /^\s*TY {1,2}- ?\S/;
const ANY_RECORD = /^TY {1,2}- ?\S[^]*?^ER {1,2}-/m;

export const risImport: ImportFormat = {
  id: RIS_FORMAT,
  label: 'RIS',
  extensions: ['ris'],
  detect(text) {
    const head = text.slice(0, 8192).replace(/^\uFEFF/, '');
    if (FIRST_TAG.test(head)) return 0.95;
    return ANY_RECORD.test(head) ? 0.6 : 0;
  },
  parse: (text) => parseRis(text),
};

export const risExport: ExportFormat = {
  id: RIS_FORMAT,
  label: 'RIS',
  extension: 'ris',
  mediaType: 'application/x-research-info-systems',
  export: (items) => exportRis(items),
};
