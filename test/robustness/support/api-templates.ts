// One valid call per API method, against the library api-fuzz.test.ts sets up (items 1
// and 2, collections 1 and 2, tag 1, note 1, digest 1). The fuzzer turns each into
// hostile calls by changing one part at a time; a test checks that every method of the
// contract has a template, so a new method is fuzzed from the day it is added.
import type { MethodName } from '../../../src/shared/contract';

const article = { type: 'article', title: 'T', creators: [], links: [], fields: {} };
const sort = { field: 'title', direction: 'asc' };

export const TEMPLATES: Record<MethodName, Record<string, unknown>> = {
  'library.info': {},
  'items.window': { view: { kind: 'library' }, sort, offset: 0, limit: 10 },
  'items.count': { view: { kind: 'collection', id: 1 } },
  'items.ids': { view: { kind: 'tags', names: ['x'] }, sort, offset: 0, limit: 10 },
  'items.get': { id: 1 },
  'items.create': { data: article, collectionId: 1 },
  'items.update': { id: 1, patch: { title: 'New title', date: '2020-01-02' } },
  'items.trash': { ids: [1] },
  'items.restore': { ids: [1] },
  'items.regenerateCitekeys': { ids: [1] },
  'items.citekeys': { ids: [1, 2] },
  'items.completeCitekey': { prefix: 'a', limit: 5 },
  'collections.list': {},
  'collections.create': { name: 'C', parentId: null },
  'collections.rename': { id: 1, name: 'D' },
  'collections.move': { id: 1, parentId: 2, position: 0 },
  'collections.trash': { id: 1 },
  'collections.restore': { id: 1 },
  'collections.addItems': { id: 1, itemIds: [1] },
  'collections.removeItems': { id: 1, itemIds: [1] },
  'collections.moveItems': { from: 1, to: 2, itemIds: [1] },
  'tags.list': {},
  'tags.add': { itemIds: [1], names: ['x'] },
  'tags.remove': { itemIds: [1], names: ['x'] },
  'tags.rename': { id: 1, name: 'y' },
  'tags.setColor': { id: 1, color: '#ff0000' },
  'tags.delete': { id: 1 },
  'notes.list': { itemId: 1, text: 'x', limit: 10, offset: 0 },
  'notes.get': { id: 1 },
  'notes.create': { itemId: 1, body: 'b' },
  'notes.update': { id: 1, body: 'b2' },
  'notes.trash': { id: 1 },
  'notes.restore': { id: 1 },
  'digests.list': {},
  'digests.setDate': { id: 1, date: '2026-06-17' },
  'digests.trash': { id: 1 },
  'digests.restore': { id: 1 },
  'trash.contents': {},
  'trash.empty': {},
  'history.undo': {},
  'history.redo': {},
  'history.list': {},
  'duplicates.find': {},
  'duplicates.merge': { keepId: 1, otherIds: [2] },
  'import.formats': {},
  'import.preview': { input: { text: 'TY  - JOUR\nTI  - x\nER  - \n', name: 'x.ris' }, yearHint: 2020 },
  'import.commit': { previewId: 'x', exclude: [0], collectionId: 1, digestDate: '2026' },
  'import.cancel': { previewId: 'x' },
  'export.formats': {},
  'export.text': { scope: { kind: 'items', ids: [1] }, format: 'ris', unicode: true },
  'export.save': { scope: { kind: 'digest', id: 1 }, format: 'ris' },
  'bindings.list': {},
  'bindings.create': { scope: { kind: 'collection', id: 1 }, format: 'bibtex' },
  'bindings.delete': { id: 1 },
  'settings.get': {},
  'settings.set': { citekeyFormula: 'auth.lower + year', bibtexUnicode: false },
  'backups.list': {},
  'backups.create': {},
  'backups.restore': { file: 'sheaf-backup-20260101T000000000.sqlite' },
  'shell.openExternal': { url: 'https://example.org/paper' },
};

/** Strings that may legitimately be larger than the fuzzer's huge string. */
export const LARGE_TEXT_PATHS = new Set(['import.preview:input.text']);
/** Open maps: their keys are data (field names), not the schema's. */
export const RECORD_PATHS = new Set(['items.create:data.fields']);
