import type { ItemData, ItemDetail } from '../../../shared/domain';
import { SheafError } from '../../core/errors';
import { uniqueCitekey } from '../../core/library/citekeys';
import { addToCollection, itemCollections } from '../../core/library/collections';
import { itemDigests } from '../../core/library/digests';
import {
  insertItem,
  modificationTime,
  readItem,
  replaceItemData,
  requireItems,
  toItemData,
} from '../../core/library/items';
import type { Library } from '../../core/library/library';
import { backlinks, listNotes } from '../../core/library/notes';
import { attachTags, detachTags, itemTags } from '../../core/library/tags';
import { restoreItems, trashItems } from '../../core/library/trash';
import { stmt } from '../../core/db/statements';
import type { Handlers } from './types';

export function itemDetail(library: Library, id: number): ItemDetail {
  const item = readItem(library.db, id);
  return {
    ...item,
    tags: itemTags(library.db, id),
    collections: itemCollections(library.db, id),
    digests: itemDigests(library.db, id),
    notes: listNotes(library.db, { itemId: id, limit: 1000 }),
    backlinks: backlinks(library.db, item.citekey),
  };
}

const FIELD_LABELS: Record<string, string> = {
  container: 'venue',
  doi: 'DOI',
  arxiv: 'arXiv id',
  url: 'URL',
  citekey: 'citation key',
};

const OPTIONAL_TEXT = [
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
] as const;

/** Field checks beyond the schema, with messages a user can act on. */
export function validateItemData(data: Partial<ItemData>): void {
  if (data.title !== undefined && data.title.trim() === '') {
    throw new SheafError('invalid-argument', 'The title cannot be empty.');
  }
  if (data.doi && !/^10\.\d{4,9}\/\S+$/.test(data.doi.trim())) {
    throw new SheafError('invalid-argument', `"${data.doi}" is not a DOI (they look like 10.1234/abc.5678).`);
  }
  if (data.url && !/^https?:\/\/\S+$/i.test(data.url.trim())) {
    throw new SheafError(
      'invalid-argument',
      `"${data.url}" is not a web address (it must start with http:// or https://).`,
    );
  }
  if (
    data.arxiv &&
    !/^(arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/i.test(data.arxiv.trim())
  ) {
    throw new SheafError(
      'invalid-argument',
      `"${data.arxiv}" is not an arXiv id (like 2306.08543 or hep-th/9901001).`,
    );
  }
}

function applyPatch(library: Library, id: number, patch: Partial<ItemData>): void {
  const db = library.db;
  const current = toItemData(readItem(db, id));
  const next: ItemData = { ...current, ...patch, fields: patch.fields ?? current.fields };
  for (const field of OPTIONAL_TEXT) {
    if (patch[field] === '') delete next[field];
  }
  validateItemData(patch);
  if (patch.citekey !== undefined && patch.citekey !== current.citekey) {
    const free = uniqueCitekey(db, patch.citekey, id);
    if (free !== patch.citekey) {
      throw new SheafError(
        'conflict',
        `The citation key "${patch.citekey}" is already used by another item.`,
      );
    }
    stmt(db, 'UPDATE items SET citekey = ? WHERE id = ?').run(patch.citekey, id);
  }
  delete next.tags;
  replaceItemData(db, id, next, library.now());
  if (patch.tags) {
    const before = itemTags(db, id);
    const wanted = new Set(patch.tags.map((t) => t.toLowerCase()));
    detachTags(
      db,
      [id],
      before.filter((t) => !wanted.has(t.toLowerCase())),
    );
    attachTags(db, [id], patch.tags);
  }
}

function editLabel(patch: Partial<ItemData>): string {
  const keys = Object.keys(patch);
  if (keys.length !== 1) return 'Edit item';
  return `Edit ${FIELD_LABELS[keys[0]!] ?? keys[0]}`;
}

export const itemHandlers: Handlers<
  | 'items.window'
  | 'items.count'
  | 'items.ids'
  | 'items.get'
  | 'items.create'
  | 'items.update'
  | 'items.trash'
  | 'items.restore'
  | 'items.regenerateCitekeys'
  | 'items.citekeys'
  | 'items.completeCitekey'
> = {
  'items.window': (args, { library }) => library.lists.window(args),
  'items.count': ({ view, search }, { library }) => library.lists.count(view, search),
  'items.ids': (args, { library }) => library.lists.windowIds(args),
  'items.get': ({ id }, { library }) => itemDetail(library, id),
  'items.create': ({ data, collectionId }, { library }) => {
    validateItemData(data);
    const id = library.write('Add item', () => {
      const inserted = insertItem(library.db, data, {
        now: library.now(),
        formula: library.citekeyFormula(),
      });
      if (collectionId !== undefined) addToCollection(library.db, collectionId, [inserted.id], library.now());
      return inserted.id;
    });
    return itemDetail(library, id);
  },
  'items.update': ({ id, patch }, { library }) => {
    library.write(editLabel(patch), () => applyPatch(library, id, patch as Partial<ItemData>));
    return itemDetail(library, id);
  },
  'items.trash': ({ ids }, { library }) => {
    requireItems(library.db, ids);
    const label =
      ids.length === 1
        ? `Move "${readItem(library.db, ids[0]!).title}" to the trash`
        : `Move ${ids.length} items to the trash`;
    return { count: library.write(label, () => trashItems(library.db, ids, library.now())) };
  },
  'items.restore': ({ ids }, { library }) => {
    requireItems(library.db, ids);
    return {
      count: library.write(`Restore ${ids.length === 1 ? 'item' : `${ids.length} items`}`, () =>
        restoreItems(library.db, ids),
      ),
    };
  },
  'items.regenerateCitekeys': ({ ids }, { library }) => {
    requireItems(library.db, ids);
    const formula = library.citekeyFormula();
    let changed = 0;
    library.write('Regenerate citation keys', () => {
      for (const id of ids) {
        const item = readItem(library.db, id);
        const key = uniqueCitekey(library.db, formula.generate(item) || 'item', id);
        if (key !== item.citekey) {
          stmt(library.db, 'UPDATE items SET citekey = ?, modified = ? WHERE id = ?').run(
            key,
            modificationTime(library.db, id, library.now()),
            id,
          );
          changed++;
        }
      }
    });
    return { changed };
  },
  'items.citekeys': ({ ids }, { library }) => {
    requireItems(library.db, ids);
    const get = stmt(library.db, 'SELECT citekey FROM items WHERE id = ?').pluck();
    return ids.map((id) => get.get(id) as string);
  },
  'items.completeCitekey': ({ prefix, limit }, { library }) => {
    const rows = stmt(
      library.db,
      `SELECT id, citekey, title FROM items
        WHERE citekey >= ? COLLATE NOCASE AND citekey < ? COLLATE NOCASE AND deleted IS NULL
        ORDER BY citekey COLLATE NOCASE LIMIT ?`,
    ).all(prefix, `${prefix}\u{10ffff}`, limit) as { id: number; citekey: string; title: string }[];
    return rows;
  },
};
