// Items → RIS text (CRLF line ends, a blank line between records, as the RIS spec and
// Zotero write it). Each record is read back with the importer's own reader; whatever
// came back different is written in the record's Sheaf line (see sheaf-line.ts).
import type { ItemData } from '../../../../shared/domain';
import type { ExportItem } from '../types';
import { lexRis } from './ris-lexer';
import { readRisRecord } from './ris-read-record';
import { risLines, writeRisPairs } from './ris-write-record';
import { sheafLineFor, SHEAF_TAG } from './sheaf-line';

const CRLF = '\r\n';

export function exportRis(items: readonly ExportItem[]): string {
  return items.map((item) => recordText(item)).join('');
}

function recordText(item: ExportItem): string {
  const lines = writeRisPairs(item).flatMap(risLines);
  const sheaf = sheafLineFor(item, readBack(lines));
  if (sheaf !== undefined) lines.push(`${SHEAF_TAG}  - ${sheaf}`);
  lines.push('ER  - ');
  return lines.join(CRLF) + CRLF + CRLF;
}

function readBack(lines: string[]): ItemData {
  const [record] = lexRis([...lines, 'ER  - '].join('\n')).records;
  if (!record) throw new Error('RIS writer produced no record');
  return readRisRecord(record, () => undefined);
}
