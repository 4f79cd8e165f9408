// One CSL-JSON object → ItemData. Standard variables are read the way Zotero, citation.js
// and pandoc write them; when the object carries Sheaf's `sheaf` key, its parts replace
// the lossy standard readings (type, creators, date, arxiv, links, fields, tags, origin).
import type { ItemData } from '../../../../shared/domain';
import { arxivIdFromDoi, arxivIdFromText, arxivIdFromUrl } from './arxiv-id';
import { readCslDate } from './csl-dates';
import { creatorsFromCsl, CSL_NAME_VARIABLES } from './csl-names';
import { cslTypeToItemType, isCslType } from './csl-types';
import { COLUMN_VARIABLES, CSL_FIELD_PREFIX, DATE_VARIABLES, FIELD_VARIABLES } from './csl-variables';
import { isForbiddenKey, own, type Complain, type JsonObject } from './domain-guards';
import { readSheafData, type SheafItemMeta, type SheafOverrides } from './sheaf-extension';

export interface CslRecordRead {
  data: ItemData;
  meta?: SheafItemMeta;
}

/** Keys read on purpose, so the scan for other variables skips them. */
const HANDLED = new Set([
  'id',
  'type',
  'keyword',
  'citation-key',
  'sheaf',
  ...COLUMN_VARIABLES.map(([variable]) => variable),
  ...FIELD_VARIABLES.map(([variable]) => variable),
  ...CSL_NAME_VARIABLES,
]);
const ARXIV_HOST = /^arxiv(?:\.org)?$/i;
/** What a citation key looks like; Zotero's URL ids and numeric ids are not keys. */
const KEY_LIKE = /^[\p{L}\p{N}_:.+\-/]+$/u;

export function readCslRecord(record: JsonObject, complain: Complain): CslRecordRead {
  const sheaf = Object.hasOwn(record, 'sheaf') ? readSheafData(record.sheaf, complain) : undefined;
  const overrides: SheafOverrides = sheaf?.overrides ?? {};
  const text = (variable: string): string | undefined => readText(record, variable, complain);

  const title = text('title');
  if (title === undefined) complain('this item has no title', 'title');
  const data: ItemData = {
    type: overrides.type ?? readType(record, complain),
    title: title ?? '',
    creators: overrides.creators ?? creatorsFromCsl(record, complain),
    links: overrides.links ?? [],
    fields: {},
    tags: overrides.tags ?? readKeywords(own(record, 'keyword'), complain),
  };
  for (const [variable, column] of COLUMN_VARIABLES) {
    const value = column === 'title' ? undefined : text(variable);
    if (value !== undefined) Object.assign(data, { [column]: value });
  }
  const date = overrides.date ?? readIssued(record, complain);
  if (date !== undefined) data.date = date;
  const standardArxiv = sheaf ? undefined : arxivFromStandard(record, data, text);
  const arxiv = sheaf ? overrides.arxiv : standardArxiv?.id;
  if (arxiv !== undefined) data.arxiv = arxiv;
  data.fields = overrides.fields ?? readFields(record, standardArxiv?.variable, complain);
  const citekey = readCitekey(record, sheaf !== undefined);
  if (citekey !== undefined) data.citekey = citekey;
  const origin = sheaf ? overrides.origin : standardOrigin(record, citekey);
  if (origin) data.origin = origin;
  return sheaf ? { data, meta: sheaf.meta } : { data };
}

function readText(record: JsonObject, variable: string, complain: Complain): string | undefined {
  const value = own(record, variable);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  complain(`"${variable}" should be text; ignored`, variable);
  return undefined;
}

function readType(record: JsonObject, complain: Complain): ItemData['type'] {
  const type = own(record, 'type');
  if (isCslType(type)) return cslTypeToItemType(type);
  complain(
    type === undefined
      ? 'this item has no "type"; imported as misc'
      : `unknown CSL type ${JSON.stringify(type)}; imported as misc`,
    'type',
  );
  return 'misc';
}

function readIssued(record: JsonObject, complain: Complain): string | undefined {
  const issued = own(record, 'issued');
  if (issued === undefined || issued === null) return undefined;
  const read = readCslDate(issued);
  if (read.problem) complain(`"issued" ${read.problem}`, 'issued');
  return read.date;
}

/** arXiv id from number / archive_location (when the publisher or archive is arXiv), DOI or URL. */
function arxivFromStandard(
  record: JsonObject,
  data: ItemData,
  text: (variable: string) => string | undefined,
): { id: string; variable?: string } | undefined {
  const onArxiv = ARXIV_HOST.test(data.publisher ?? '') || ARXIV_HOST.test(text('archive') ?? '');
  for (const variable of ['number', 'archive_location']) {
    const value = text(variable);
    const id = value === undefined ? undefined : arxivIdFromText(value, onArxiv);
    if (id) return { id, variable };
  }
  const id = arxivIdFromDoi(data.doi ?? '') ?? arxivIdFromUrl(data.url ?? '');
  return id ? { id } : undefined;
}

/** Open fields: mapped variables under their shared name, the rest as csl_<variable>. */
function readFields(
  record: JsonObject,
  arxivVariable: string | undefined,
  complain: Complain,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [variable, field] of FIELD_VARIABLES) {
    const value = variable === arxivVariable ? undefined : readText(record, variable, complain);
    if (value !== undefined) fields[field] = value;
  }
  for (const [key, value] of Object.entries(record)) {
    if (isForbiddenKey(key)) {
      complain(`the key "${key}" is not allowed and was ignored`, key);
    } else if (HANDLED.has(key) || key.startsWith('_') || key === arxivVariable) {
      continue;
    } else if (DATE_VARIABLES.includes(key)) {
      const read = readCslDate(value);
      const kept = key === 'issued' ? read.text : (read.date ?? read.text);
      if (kept !== undefined) fields[CSL_FIELD_PREFIX + key] = kept;
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      if (value !== '') fields[CSL_FIELD_PREFIX + key] = String(value);
    } else if (value !== null) {
      complain(`"${key}" is not text and was ignored`, key);
    }
  }
  return fields;
}

function readKeywords(value: unknown, complain: Complain): string[] {
  const split = (text: string) =>
    text
      .split(/[,;]/)
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '');
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return split(value);
  if (Array.isArray(value)) return value.flatMap((entry) => (typeof entry === 'string' ? split(entry) : []));
  complain('"keyword" should be text; ignored', 'keyword');
  return [];
}

/** Sheaf's own id is always its citation key; another tool's id only when it looks like one. */
function readCitekey(record: JsonObject, ownExport: boolean): string | undefined {
  const explicit = own(record, 'citation-key');
  if (typeof explicit === 'string' && explicit !== '') return explicit;
  const id = own(record, 'id');
  if (typeof id !== 'string' || id === '') return undefined;
  return ownExport || (KEY_LIKE.test(id) && !id.includes('://')) ? id : undefined;
}

function standardOrigin(record: JsonObject, citekey: string | undefined): ItemData['origin'] {
  const type = own(record, 'type');
  const origin: NonNullable<ItemData['origin']> = { format: 'csl-json' };
  if (typeof type === 'string') origin.entryType = type;
  if (citekey !== undefined) origin.key = citekey;
  return origin;
}
