// Collections, tags, notes, digests and the trash.
import { SheafError } from '../../core/errors';
import {
  addToCollection,
  collectionPath,
  createCollection,
  listCollections,
  moveCollection,
  readCollection,
  removeFromCollection,
  renameCollection,
  restoreCollection,
  trashCollection,
} from '../../core/library/collections';
import {
  listDigests,
  readDigest,
  restoreDigest,
  setDigestDate,
  trashDigest,
} from '../../core/library/digests';
import { requireItems } from '../../core/library/items';
import {
  createNote,
  listNotes,
  readNote,
  restoreNote,
  trashNote,
  updateNote,
} from '../../core/library/notes';
import { attachTags, deleteTag, detachTags, listTags, renameTag, setTagColor } from '../../core/library/tags';
import { emptyTrash, trashContents } from '../../core/library/trash';
import type { Handlers } from './types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const organisingHandlers: Handlers<
  | 'collections.list'
  | 'collections.create'
  | 'collections.rename'
  | 'collections.move'
  | 'collections.trash'
  | 'collections.restore'
  | 'collections.addItems'
  | 'collections.removeItems'
  | 'collections.moveItems'
  | 'tags.list'
  | 'tags.add'
  | 'tags.remove'
  | 'tags.rename'
  | 'tags.setColor'
  | 'tags.delete'
  | 'notes.list'
  | 'notes.get'
  | 'notes.create'
  | 'notes.update'
  | 'notes.trash'
  | 'notes.restore'
  | 'digests.list'
  | 'digests.setDate'
  | 'digests.trash'
  | 'digests.restore'
  | 'trash.contents'
  | 'trash.empty'
> = {
  'collections.list': (_, { library }) => listCollections(library.db),
  'collections.create': ({ name, parentId }, { library }) => {
    const id = library.write(`New collection "${name.trim()}"`, () =>
      createCollection(library.db, name, parentId, library.now()),
    );
    const created = listCollections(library.db).find((c) => c.id === id);
    if (!created) throw new SheafError('internal', 'the new collection is not listed');
    return created;
  },
  'collections.rename': ({ id, name }, { library }) =>
    library.write(`Rename collection to "${name.trim()}"`, () =>
      renameCollection(library.db, id, name, library.now()),
    ),
  'collections.move': ({ id, parentId, position }, { library }) =>
    library.write(`Move collection "${readCollection(library.db, id).name}"`, () =>
      moveCollection(library.db, id, parentId, position, library.now()),
    ),
  'collections.trash': ({ id }, { library }) =>
    library.write(`Delete collection "${readCollection(library.db, id).name}"`, () =>
      trashCollection(library.db, id, library.now()),
    ),
  'collections.restore': ({ id }, { library }) =>
    library.write(`Restore collection "${readCollection(library.db, id).name}"`, () =>
      restoreCollection(library.db, id),
    ),
  'collections.addItems': ({ id, itemIds }, { library }) => {
    const label = `Add ${plural(itemIds.length, 'item')} to "${collectionPath(library.db, id)}"`;
    return { added: library.write(label, () => addToCollection(library.db, id, itemIds, library.now())) };
  },
  'collections.removeItems': ({ id, itemIds }, { library }) => {
    const label = `Remove ${plural(itemIds.length, 'item')} from "${collectionPath(library.db, id)}"`;
    return { removed: library.write(label, () => removeFromCollection(library.db, id, itemIds)) };
  },
  'collections.moveItems': ({ from, to, itemIds }, { library }) => {
    const label = `Move ${plural(itemIds.length, 'item')} to "${collectionPath(library.db, to)}"`;
    return {
      moved: library.write(label, () => {
        const added = addToCollection(library.db, to, itemIds, library.now());
        removeFromCollection(library.db, from, itemIds);
        return added;
      }),
    };
  },

  'tags.list': (_, { library }) => listTags(library.db),
  'tags.add': ({ itemIds, names }, { library }) => {
    requireItems(library.db, itemIds);
    return {
      added: library.write(`Tag ${plural(itemIds.length, 'item')} "${names.join('", "')}"`, () =>
        attachTags(library.db, itemIds, names),
      ),
    };
  },
  'tags.remove': ({ itemIds, names }, { library }) => ({
    removed: library.write(`Untag ${plural(itemIds.length, 'item')}`, () =>
      detachTags(library.db, itemIds, names),
    ),
  }),
  'tags.rename': ({ id, name }, { library }) =>
    library.write(`Rename tag to "${name}"`, () => renameTag(library.db, id, name)),
  'tags.setColor': ({ id, color }, { library }) =>
    library.write('Colour tag', () => setTagColor(library.db, id, color)),
  'tags.delete': ({ id }, { library }) => library.write('Delete tag', () => deleteTag(library.db, id)),

  'notes.list': (args, { library }) => listNotes(library.db, args),
  'notes.get': ({ id }, { library }) => readNote(library.db, id),
  'notes.create': ({ itemId, body }, { library }) =>
    readNote(
      library.db,
      library.write('New note', () => createNote(library.db, itemId, body, library.now())),
    ),
  'notes.update': ({ id, body }, { library }) => {
    library.write('Edit note', () => updateNote(library.db, id, body, library.now()));
    return readNote(library.db, id);
  },
  'notes.trash': ({ id }, { library }) =>
    library.write(`Delete note "${readNote(library.db, id).title}"`, () =>
      trashNote(library.db, id, library.now()),
    ),
  'notes.restore': ({ id }, { library }) => library.write('Restore note', () => restoreNote(library.db, id)),

  'digests.list': (_, { library }) => listDigests(library.db),
  'digests.setDate': ({ id, date }, { library }) =>
    library.write('Change digest date', () => setDigestDate(library.db, id, date)),
  'digests.trash': ({ id }, { library }) =>
    library.write(`Delete digest "${readDigest(library.db, id).title}"`, () =>
      trashDigest(library.db, id, library.now()),
    ),
  'digests.restore': ({ id }, { library }) =>
    library.write('Restore digest', () => restoreDigest(library.db, id)),

  'trash.contents': (_, { library }) => trashContents(library.db),
  'trash.empty': (_, { library }) => library.write('Empty the trash', () => emptyTrash(library.db)),
};
