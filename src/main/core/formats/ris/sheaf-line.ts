// The Sheaf line: what RIS lost, so Sheaf's export → import is lossless (ADR 0034).
// The exporter reads its own RIS back and compares with the item; each part that differs
// goes into one `C8  - sheaf:{json}` line (RIS's "custom 8" field), so a record RIS
// describes fully carries no Sheaf line at all.
//
//   sheaf:{"v":1,"set":{"pages":["1c9a0f3e","123--145"]},"fields":{"howpublished":["811c9dc5","Web"]}}
//
// Each entry is [hash of what the standard tags read as, value to restore]; null restores
// "absent". The hash makes a hand edit win: if someone changed SP/EP after export, the
// tags no longer read as the hashed value and the stale override is skipped with a warning.
import type { ItemData } from '../../../../shared/domain';
import {
  isForbiddenKey,
  isItemType,
  isObject,
  own,
  readCreators,
  readLinks,
  readStringList,
  type JsonObject,
} from '../csl/domain-guards';

export const SHEAF_TAG = 'C8';
export const SHEAF_PREFIX = 'sheaf:';

const TEXT_PARTS = [
  'title',
  'abstract',
  'date',
  'container',
  'volume',
  'issue',
  'pages',
  'publisher',
  'doi',
  'arxiv',
  'url',
  'language',
  'citekey',
] as const;
const LIST_PARTS = ['creators', 'links', 'tags'] as const;
type Part = 'type' | (typeof TEXT_PARTS)[number] | (typeof LIST_PARTS)[number];
const PARTS: readonly Part[] = ['type', ...TEXT_PARTS, ...LIST_PARTS];

interface SheafPatch {
  v: 1;
  set?: Record<string, [string, unknown]>;
  fields?: Record<string, [string, string | null]>;
}

/** The Sheaf line's value for `actual`, given what its standard tags read as; undefined when nothing was lost. */
export function sheafLineFor(actual: ItemData, derived: ItemData): string | undefined {
  const set: Record<string, [string, unknown]> = {};
  for (const part of PARTS) {
    const written = canonical(derived[part]);
    if (written !== canonical(actual[part])) set[part] = [hash(written), actual[part] ?? null];
  }
  const fields: Record<string, [string, string | null]> = {};
  for (const key of new Set([...Object.keys(actual.fields), ...Object.keys(derived.fields)])) {
    const want = fieldValue(actual, key);
    const got = fieldValue(derived, key);
    if (want !== got) fields[key] = [hash(canonical(got)), want ?? null];
  }
  const patch: SheafPatch = { v: 1 };
  if (Object.keys(set).length > 0) patch.set = set;
  if (Object.keys(fields).length > 0) patch.fields = fields;
  return patch.set || patch.fields ? SHEAF_PREFIX + JSON.stringify(patch) : undefined;
}

export function isSheafLine(value: string): boolean {
  return value.startsWith(SHEAF_PREFIX);
}

/** Applies a Sheaf line to what the standard tags read as; problems go to `complain`. */
export function applySheafLine(data: ItemData, line: string, complain: (message: string) => void): void {
  let patch: unknown;
  try {
    patch = JSON.parse(line.slice(SHEAF_PREFIX.length));
  } catch {
    complain('the Sheaf line (C8) is not valid JSON; ignored');
    return;
  }
  if (!isObject(patch) || own(patch, 'v') !== 1) {
    complain('the Sheaf line (C8) is not a version 1 Sheaf patch; ignored');
    return;
  }
  const set = own(patch, 'set');
  if (isObject(set)) applyParts(data, set, complain);
  const fields = own(patch, 'fields');
  if (isObject(fields)) applyFields(data, fields, complain);
}

function applyParts(data: ItemData, set: JsonObject, complain: (message: string) => void): void {
  for (const [part, entry] of Object.entries(set)) {
    if (!(PARTS as readonly string[]).includes(part) || !Array.isArray(entry) || entry.length !== 2) {
      complain(`the Sheaf line has an unknown part "${part}"; ignored`);
      continue;
    }
    const [expected, value] = entry as [unknown, unknown];
    if (expected !== hash(canonical(data[part as Part]))) {
      complain(`the ${part} changed since Sheaf wrote this record; the RIS value was kept`);
      continue;
    }
    if (!restorePart(data, part as Part, value)) complain(`the Sheaf line's ${part} is malformed; ignored`);
  }
}

function restorePart(data: ItemData, part: Part, value: unknown): boolean {
  const ignore = (): void => undefined;
  if (part === 'type') {
    if (isItemType(value)) data.type = value;
    return isItemType(value);
  }
  if (part === 'creators' || part === 'links' || part === 'tags') {
    const list =
      part === 'creators'
        ? readCreators(value, part, ignore)
        : part === 'links'
          ? readLinks(value, part, ignore)
          : readStringList(value, part, ignore);
    if (list) Object.assign(data, { [part]: list });
    return list !== undefined;
  }
  if (value === null && part !== 'title') delete data[part];
  else if (typeof value === 'string') data[part] = value;
  else return false;
  return true;
}

function applyFields(data: ItemData, fields: JsonObject, complain: (message: string) => void): void {
  for (const [key, entry] of Object.entries(fields)) {
    const [expected, value] = Array.isArray(entry) ? (entry as unknown[]) : [];
    if (isForbiddenKey(key) || (value !== null && typeof value !== 'string')) {
      complain(`the Sheaf line's field "${key}" is malformed; ignored`);
    } else if (expected !== hash(canonical(fieldValue(data, key)))) {
      complain(`the field ${key} changed since Sheaf wrote this record; the RIS value was kept`);
    } else if (value === null) {
      delete data.fields[key];
    } else {
      data.fields[key] = value;
    }
  }
}

function fieldValue(data: ItemData, key: string): string | undefined {
  return Object.hasOwn(data.fields, key) ? data.fields[key] : undefined;
}

/** JSON with sorted keys and no undefined members, so equal values compare and hash equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, member: unknown) =>
    isObject(member)
      ? Object.fromEntries(
          Object.keys(member)
            .sort()
            .map((key) => [key, member[key]]),
        )
      : member,
  );
}

/** FNV-1a, 32 bits: only has to notice an edit, not resist an attacker. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
