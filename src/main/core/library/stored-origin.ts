// How an item's origin (the raw text of each imported field, ItemOrigin) is kept in
// item_extra.origin. Most fields are written `{X}` or `"X"` with X the very value Sheaf
// derived from them: those keep their raw text alone, and the value is read back from it.
// The others keep [raw, value]. Rows written before this form hold {raw, value} objects,
// read as they are (ADR 72).
import type { ItemOrigin } from '../../../shared/domain';

type OriginField = { raw: string; value: string };
type StoredField = string | [raw: string, value: string] | OriginField;

export function packOrigin(origin: ItemOrigin): string {
  if (!origin.fields) return JSON.stringify(origin);
  // fromEntries defines each field: a field named `__proto__` stays a field.
  const fields = Object.fromEntries(
    Object.entries(origin.fields).map(([name, { raw, value }]): [string, StoredField] => [
      name,
      valueOf(raw) === value ? raw : [raw, value],
    ]),
  );
  return JSON.stringify({ ...origin, fields });
}

export function unpackOrigin(text: string): ItemOrigin {
  const origin = JSON.parse(text) as Omit<ItemOrigin, 'fields'> & { fields?: Record<string, StoredField> };
  if (!origin.fields) return origin as ItemOrigin;
  const fields = Object.fromEntries(
    Object.entries(origin.fields).map(([name, field]): [string, OriginField] => [
      name,
      typeof field === 'string'
        ? { raw: field, value: valueOf(field) }
        : Array.isArray(field)
          ? { raw: field[0], value: field[1] }
          : field,
    ]),
  );
  return { ...origin, fields };
}

/** What a raw text says when read as one literal: `{X}` and `"X"` say X; anything else, itself. */
function valueOf(raw: string): string {
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  const delimited =
    raw.length >= 2 && ((first === 0x7b && last === 0x7d) || (first === 0x22 && last === 0x22));
  return delimited ? raw.slice(1, -1) : raw;
}
