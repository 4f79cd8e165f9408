// One item → one CSL-JSON object: standard variables for citeproc, pandoc and Zotero,
// then the `sheaf` key with whatever those variables cannot carry. Empty optional text is
// not written (and so reads back as absent).
import type { Creator } from '../../../../shared/domain';
import { cslDateFromIso } from './csl-dates';
import { cslNamesFromCreators, creatorsFromCsl } from './csl-names';
import { cslTypeToItemType, isCslType, itemTypeToCsl, type CslType } from './csl-types';
import { COLUMN_VARIABLES, CSL_FIELD_PREFIX, FIELD_VARIABLES, OTHER_TEXT_VARIABLES } from './csl-variables';
import type { JsonObject } from './domain-guards';
import { writeSheafData, type CslExportItem } from './sheaf-extension';

export function writeCslRecord(item: CslExportItem): JsonObject {
  const type = cslTypeFor(item);
  const record: JsonObject = { id: item.citekey, type, title: item.title };
  const names = cslNamesFromCreators(item.creators);
  for (const [variable, list] of names) record[variable] = list;
  const issued = item.date ? cslDateFromIso(item.date) : undefined;
  if (item.date) record.issued = issued ?? { raw: item.date };
  for (const [variable, column] of COLUMN_VARIABLES) {
    const value = item[column];
    if (column !== 'title' && typeof value === 'string' && value !== '') record[variable] = value;
  }
  writeFieldVariables(item, record);
  if (item.tags.length > 0) record.keyword = item.tags.join(', ');
  const namesReadBack = creatorsFromCsl(Object.fromEntries(names), () => undefined);
  record.sheaf = writeSheafData(item, {
    type: cslTypeToItemType(type) !== item.type,
    creators: !sameCreators(namesReadBack, item.creators),
    date: item.date !== undefined && issued === undefined,
  });
  return record;
}

/** The CSL type read from another tool is written back while it still maps to the item's type. */
function cslTypeFor(item: CslExportItem): CslType {
  const original = item.origin?.format === 'csl-json' ? item.origin.entryType : undefined;
  if (isCslType(original) && cslTypeToItemType(original) === item.type) return original;
  return itemTypeToCsl(item.type);
}

/** Open fields with a CSL variable are written for other tools; `sheaf.fields` stays the source. */
function writeFieldVariables(item: CslExportItem, record: JsonObject): void {
  for (const [variable, field] of FIELD_VARIABLES) {
    const value = Object.hasOwn(item.fields, field) ? item.fields[field] : undefined;
    if (value) record[variable] = value;
  }
  if (item.arxiv && record.number === undefined) record.number = `arXiv:${item.arxiv}`;
  for (const [field, value] of Object.entries(item.fields)) {
    const variable = field.slice(CSL_FIELD_PREFIX.length);
    if (field.startsWith(CSL_FIELD_PREFIX) && OTHER_TEXT_VARIABLES.has(variable) && value !== '') {
      record[variable] = value;
    }
  }
}

const NAME_PARTS = ['role', 'family', 'given', 'prefix', 'suffix', 'literal'] as const;

function sameCreators(a: readonly Creator[], b: readonly Creator[]): boolean {
  return (
    a.length === b.length &&
    a.every((creator, i) => NAME_PARTS.every((part) => creator[part] === b[i]?.[part]))
  );
}
