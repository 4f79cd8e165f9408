// CSL-JSON: Sheaf's lossless JSON form of an item, the output of `sheaf list --json` and
// `sheaf export --format csl-json` (docs/decisions/0030). Standard CSL-JSON for every
// citation processor, plus a `sheaf` key (see sheaf-extension.ts) that restores exactly
// what CSL cannot say. Import also reads CSL-JSON from Zotero, citation.js and pandoc.
//
// Documented normalisations of export → import: empty optional text is dropped; ItemData
// `tags` is always a list. `key`, `added`, `modified` and the optional collections,
// digests and notes come back as `CslParsedRecord.sheaf`, not in ItemData.
import type { ExportFormat, ImportFormat } from '../types';
import { CSL_JSON_FORMAT, parseCslJson } from './csl-import';
import { writeCslRecord } from './csl-write-record';
import type { CslExportItem } from './sheaf-extension';

export type { CslParseResult } from './csl-import';
export type { CslExportItem, CslParsedRecord, SheafItemMeta } from './sheaf-extension';

const CSL_HINT = /"(?:type|title|issued|author|container-title|DOI|URL|id)"\s*:/;

export const cslJsonImport: ImportFormat = {
  id: CSL_JSON_FORMAT,
  label: 'CSL-JSON',
  extensions: ['json'],
  detect(text) {
    const head = text
      .slice(0, 4096)
      .replace(/^\uFEFF/, '')
      .trimStart();
    if (!head.startsWith('[') && !head.startsWith('{')) return 0;
    return CSL_HINT.test(head) ? 0.9 : 0.3;
  },
  parse: (text) => parseCslJson(text),
};

export const cslJsonExport: ExportFormat = {
  id: CSL_JSON_FORMAT,
  label: 'CSL-JSON',
  extension: 'json',
  mediaType: 'application/vnd.citationstyles.csl+json',
  export(items) {
    return `${JSON.stringify(
      items.map((item) => writeCslRecord(item as CslExportItem)),
      null,
      2,
    )}\n`;
  },
};
