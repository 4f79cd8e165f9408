// Runtime schemas for API arguments. Main validates every call against these, whatever
// transport it came through, so a renderer (or a page pretending to be one) can send
// nothing the core has not agreed to.
import { z } from 'zod';
import { CREATOR_ROLES, ITEM_TYPES, LINK_KINDS } from '../domain';
import { SORT_FIELDS } from '../views';

const MAX_TEXT = 1_000_000;
const MAX_IDS = 1_000_000;

/** A record id: a positive 32-bit integer (rejects NaN, negatives, floats, huge numbers). */
export const id = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);
export const ids = z.array(id).max(MAX_IDS);
const text = (max = MAX_TEXT) => z.string().max(max);

/** Keys of open maps: field names, never prototype names. */
const fieldName = z
  .string()
  .regex(/^[A-Za-z0-9][\w.:+-]{0,99}$/, 'field names are letters, digits and _.:+-')
  .refine((name) => !['__proto__', 'constructor', 'prototype'].includes(name), 'reserved name');

const fieldMap = z
  .record(fieldName, text(100_000))
  .refine((map) => Object.keys(map).length <= 500, 'too many fields');

export const creator = z.strictObject({
  role: z.enum(CREATOR_ROLES),
  family: text(1000).optional(),
  given: text(1000).optional(),
  prefix: text(200).optional(),
  suffix: text(200).optional(),
  literal: text(2000).optional(),
});

export const link = z.strictObject({
  kind: z.enum(LINK_KINDS),
  url: z
    .string()
    .max(8000)
    .regex(/^https?:\/\//i, 'links are http(s) URLs'),
  label: text(1000).optional(),
});

/** A partial ISO date: 2017, 2017-06 or 2017-06-12. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'dates are YYYY, YYYY-MM or YYYY-MM-DD');

const itemFields = {
  type: z.enum(ITEM_TYPES),
  title: text(100_000),
  abstract: text().optional(),
  date: partialDate.optional(),
  container: text(10_000).optional(),
  volume: text(200).optional(),
  issue: text(200).optional(),
  pages: text(200).optional(),
  publisher: text(10_000).optional(),
  doi: text(1000).optional(),
  arxiv: text(200).optional(),
  url: text(8000).optional(),
  language: text(100).optional(),
  creators: z.array(creator).max(10_000),
  links: z.array(link).max(1000),
  fields: fieldMap,
  tags: z.array(text(200)).max(1000).optional(),
  citekey: z
    .string()
    .regex(/^[^\s,{}()"#%'=\\]{1,200}$/, 'citation keys have no spaces or any of , { } ( ) " # % \' = \\')
    .optional(),
};

export const itemData = z.strictObject(itemFields);

/** An edit: any subset of the fields; an empty string clears an optional field. */
export const itemPatch = z.strictObject({
  ...itemFields,
  date: z.union([partialDate, z.literal('')]).optional(),
});

export const viewSpec = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('library') }),
  z.strictObject({ kind: z.literal('unfiled') }),
  z.strictObject({ kind: z.literal('collection'), id, recursive: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('tags'), names: z.array(text(200)).min(1).max(50) }),
  z.strictObject({ kind: z.literal('digest'), id }),
  z.strictObject({ kind: z.literal('trash') }),
]);

export const sortSpec = z.strictObject({
  field: z.union([z.enum(SORT_FIELDS), z.string().regex(/^field:[\w.-]{1,100}$/)]) as z.ZodType<
    (typeof SORT_FIELDS)[number] | `field:${string}`
  >,
  direction: z.enum(['asc', 'desc']),
});

export const search = text(2000);

export const windowRequest = z.strictObject({
  view: viewSpec,
  search: search.optional(),
  sort: sortSpec,
  offset: z.number().int().min(0).max(100_000_000),
  limit: z.number().int().min(1).max(10_000),
  columns: z.array(fieldName).max(20).optional(),
});

export const exportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('library') }),
  z.strictObject({ kind: z.literal('collection'), id, recursive: z.boolean().optional() }),
  z.strictObject({ kind: z.literal('digest'), id }),
  z.strictObject({ kind: z.literal('items'), ids: ids.min(1) }),
  z.strictObject({ kind: z.literal('search'), query: search }),
]);

export const formatId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** Import input: text, or bytes as base64 (files dropped on the page). At most 256 MB. */
export const importInput = z.union([
  z.strictObject({ text: z.string().max(256 * 1024 * 1024), name: text(1000).optional() }),
  z.strictObject({
    base64: z.string().max(Math.ceil((256 * 1024 * 1024 * 4) / 3) + 4),
    name: text(1000).optional(),
  }),
]);
