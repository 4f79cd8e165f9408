// Reading untrusted JSON into domain shapes (creators, links, field maps, origins). Every
// reader returns fresh objects built from own properties only, so a "__proto__" or
// "constructor" key in the input can never reach a prototype. Shared by the CSL-JSON
// `sheaf` key and the RIS Sheaf line.
import {
  CREATOR_ROLES,
  ITEM_TYPES,
  LINK_KINDS,
  type Creator,
  type CreatorRole,
  type ItemLink,
  type ItemOrigin,
  type ItemType,
  type LinkKind,
} from '../../../../shared/domain';

export type JsonObject = Record<string, unknown>;

/** Receives a problem with the input; `where` names the offending property. */
export type Complain = (message: string, where?: string) => void;

/** Keys that must never become property names on objects we build. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, never one inherited from Object.prototype. */
export function own(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

export function isItemType(value: unknown): value is ItemType {
  return typeof value === 'string' && (ITEM_TYPES as readonly string[]).includes(value);
}

export function isCreatorRole(value: unknown): value is CreatorRole {
  return typeof value === 'string' && (CREATOR_ROLES as readonly string[]).includes(value);
}

export function isLinkKind(value: unknown): value is LinkKind {
  return typeof value === 'string' && (LINK_KINDS as readonly string[]).includes(value);
}

/** A string → string map; other values and forbidden keys are reported and skipped. */
export function readStringMap(value: unknown, name: string, complain: Complain): Record<string, string> {
  const map: Record<string, string> = {};
  if (!isObject(value)) {
    complain(`${name} should be an object of text values`, name);
    return map;
  }
  for (const [key, entry] of Object.entries(value)) {
    if (isForbiddenKey(key)) complain(`${name}: the key "${key}" is not allowed and was dropped`, name);
    else if (typeof entry === 'string') map[key] = entry;
    else complain(`${name}.${key} should be text and was dropped`, name);
  }
  return map;
}

export function readStringList(value: unknown, name: string, complain: Complain): string[] | undefined {
  if (!Array.isArray(value)) {
    complain(`${name} should be a list of text values`, name);
    return undefined;
  }
  const list = value.filter((entry): entry is string => typeof entry === 'string');
  if (list.length !== value.length) complain(`${name}: entries that are not text were dropped`, name);
  return list;
}

const CREATOR_PARTS = ['family', 'given', 'prefix', 'suffix', 'literal'] as const;

/** Sheaf's own creator shape (role + name parts); invalid entries are reported and dropped. */
export function readCreators(value: unknown, name: string, complain: Complain): Creator[] | undefined {
  if (!Array.isArray(value)) {
    complain(`${name} should be a list of creators`, name);
    return undefined;
  }
  const creators: Creator[] = [];
  for (const entry of value) {
    const role = isObject(entry) ? own(entry, 'role') : undefined;
    if (!isObject(entry) || !isCreatorRole(role)) {
      complain(`${name}: a creator without a valid role was dropped`, name);
      continue;
    }
    const creator: Creator = { role };
    for (const part of CREATOR_PARTS) {
      const text = own(entry, part);
      if (typeof text === 'string') creator[part] = text;
    }
    creators.push(creator);
  }
  return creators;
}

export function readLinks(value: unknown, name: string, complain: Complain): ItemLink[] | undefined {
  if (!Array.isArray(value)) {
    complain(`${name} should be a list of links`, name);
    return undefined;
  }
  const links: ItemLink[] = [];
  for (const entry of value) {
    const url = isObject(entry) ? own(entry, 'url') : undefined;
    if (!isObject(entry) || typeof url !== 'string') {
      complain(`${name}: a link without a url was dropped`, name);
      continue;
    }
    const kind = own(entry, 'kind');
    if (!isLinkKind(kind))
      complain(`${name}: unknown link kind ${JSON.stringify(kind)}, read as "other"`, name);
    const link: ItemLink = { kind: isLinkKind(kind) ? kind : 'other', url };
    const label = own(entry, 'label');
    if (typeof label === 'string') link.label = label;
    links.push(link);
  }
  return links;
}

export function readOrigin(value: unknown, name: string, complain: Complain): ItemOrigin | undefined {
  const format = isObject(value) ? own(value, 'format') : undefined;
  if (!isObject(value) || typeof format !== 'string') {
    complain(`${name} should be an object with a format`, name);
    return undefined;
  }
  const origin: ItemOrigin = { format };
  const entryType = own(value, 'entryType');
  if (typeof entryType === 'string') origin.entryType = entryType;
  const key = own(value, 'key');
  if (typeof key === 'string') origin.key = key;
  const fields = own(value, 'fields');
  if (fields !== undefined) origin.fields = readOriginFields(fields, `${name}.fields`, complain);
  return origin;
}

function readOriginFields(
  value: unknown,
  name: string,
  complain: Complain,
): Record<string, { raw: string; value: string }> {
  const fields: Record<string, { raw: string; value: string }> = {};
  if (!isObject(value)) {
    complain(`${name} should be an object`, name);
    return fields;
  }
  for (const [key, entry] of Object.entries(value)) {
    const raw = isObject(entry) ? own(entry, 'raw') : undefined;
    const decoded = isObject(entry) ? own(entry, 'value') : undefined;
    if (isForbiddenKey(key) || typeof raw !== 'string' || typeof decoded !== 'string') {
      complain(`${name}.${key} was dropped: it needs text "raw" and "value"`, name);
    } else {
      fields[key] = { raw, value: decoded };
    }
  }
  return fields;
}
