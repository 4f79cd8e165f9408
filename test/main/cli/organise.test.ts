// The CLI's organising commands: collection, tag, note, trash, undo/redo, duplicates;
// exit code 0 when done, 1 for bad input (with nothing changed).
import { beforeEach, describe, expect, it } from 'vitest';
import { sheaf, sheafJson } from '../../support/cli';
import { ATTENTION, BERT, paper } from '../../support/items';
import { tempLibraries } from '../../support/temp-library';

const temp = tempLibraries('cli-organise');

let file: string;
let attention: string;
let bert: string;

/** A fresh library with two papers, closed again so that only the CLI has it open. */
beforeEach(async () => {
  const api = temp.host();
  file = api.library.file;
  attention = (await api.call('items.create', { data: ATTENTION })).citekey;
  bert = (await api.call('items.create', { data: BERT })).citekey;
  api.host.close();
});

async function ok(...args: string[]): Promise<string> {
  const result = await sheaf(file, ...args);
  expect(result.stderr, args.join(' ')).toBe('');
  expect(result.code, args.join(' ')).toBe(0);
  return result.stdout;
}

/** Runs a command that must be refused: exit 1, a message, and the library unchanged. */
async function refused(message: RegExp, ...args: string[]): Promise<void> {
  const before = await sheafJson<unknown>(file, 'history', '--json');
  const listed = await sheafJson<unknown>(file, 'list', '--json');
  const result = await sheaf(file, ...args);
  expect(result.code, args.join(' ')).toBe(1);
  expect(result.stderr).toMatch(/^sheaf: /);
  expect(result.stderr).toMatch(message);
  expect(await sheafJson<unknown>(file, 'history', '--json')).toEqual(before);
  expect(await sheafJson<unknown>(file, 'list', '--json')).toEqual(listed);
}

const collections = async () =>
  (await sheafJson<{ path: string; itemCount: number }[]>(file, 'collection', 'list', '--json')).map(
    (c) => `${c.path} (${c.itemCount})`,
  );
const titlesIn = async (...args: string[]) =>
  (await sheafJson<{ title: string }[]>(file, 'list', '--json', ...args)).map((r) => r.title);

describe('sheaf collection', () => {
  it('creates (with missing parents), renames, moves, fills, empties and deletes', async () => {
    expect(await ok('collection', 'create', 'Reading/Transformers')).toBe('Created Reading/Transformers\n');
    await ok('collection', 'create', 'Archive');
    // Siblings in the order they were made, parents before children.
    expect(await collections()).toEqual(['Reading (0)', 'Archive (0)', 'Reading/Transformers (0)']);

    expect(await ok('collection', 'add', 'Reading/Transformers', attention, bert)).toBe(
      'Added 2 to Reading/Transformers\n',
    );
    expect(await titlesIn('--collection', 'Reading/Transformers')).toEqual([ATTENTION.title, BERT.title]);
    expect(await ok('collection', 'remove', 'Reading/Transformers', bert)).toBe(
      'Removed 1 from Reading/Transformers\n',
    );

    await ok('collection', 'rename', 'Reading/Transformers', 'Attention');
    await ok('collection', 'move', 'Reading/Attention', 'Archive');
    expect(await collections()).toEqual(['Reading (0)', 'Archive (0)', 'Archive/Attention (1)']);
    await ok('collection', 'move', 'Archive/Attention', '/');
    expect((await collections()).sort()).toEqual(['Archive (0)', 'Attention (1)', 'Reading (0)']);

    await ok('collection', 'delete', 'Attention');
    expect((await collections()).sort()).toEqual(['Archive (0)', 'Reading (0)']);
    const trash = await sheafJson<{ collections: { name: string }[] }>(file, 'trash', 'list', '--json');
    expect(trash.collections.map((c) => c.name)).toEqual(['Attention']);
    expect(await titlesIn()).toHaveLength(2); // its items stay in the library
  });

  it('refuses a move into itself or a subcollection, an existing name, unknown paths and keys', async () => {
    await ok('collection', 'create', 'A/B/C');
    await refused(
      /Cannot move "A" into itself or one of its subcollections/,
      'collection',
      'move',
      'A',
      'A/B/C',
    );
    await refused(/Cannot move "A"/, 'collection', 'move', 'A', 'A');
    await refused(/already exists/, 'collection', 'create', 'A/B');
    await refused(/No collection "Nope"/, 'collection', 'add', 'Nope', attention);
    await refused(
      /No item with citation key or key "ghost2020"/,
      'collection',
      'add',
      'A',
      attention,
      'ghost2020',
    );
    await refused(/cannot be empty/, 'collection', 'rename', 'A', '   ');
  });
});

describe('sheaf tag', () => {
  it('adds and removes a tag on many items, and lists tags with counts', async () => {
    await ok('tag', 'add', 'to-read', attention, bert);
    expect(await titlesIn('--tag', 'to-read')).toEqual([ATTENTION.title, BERT.title]);
    expect(await ok('tag', 'list')).toBe('to-read\t2\n');
    await ok('tag', 'remove', 'to-read', bert);
    expect(await titlesIn('--tag', 'to-read')).toEqual([ATTENTION.title]);
    await refused(/No item with citation key or key "ghost"/, 'tag', 'add', 'x', attention, 'ghost');
  });
});

describe('sheaf note', () => {
  it('adds standalone and attached notes, with [[links]], and lists them by item or words', async () => {
    expect(await ok('note', 'add', `# Reading plan\nStart with [[${attention}]].`)).toMatch(
      /^Note \d+: Reading plan\n$/,
    );
    await ok('note', 'add', '--item', bert, 'Masked language modelling');
    const all = await sheafJson<{ title: string; itemId: number | null }[]>(file, 'note', 'list', '--json');
    expect(all.map((n) => n.title).sort()).toEqual(['Masked language modelling', 'Reading plan']);
    const ofBert = await sheafJson<{ title: string }[]>(file, 'note', 'list', '--item', bert, '--json');
    expect(ofBert.map((n) => n.title)).toEqual(['Masked language modelling']);
    const found = await sheafJson<{ title: string }[]>(file, 'note', 'list', '--search', 'PLAN', '--json');
    expect(found.map((n) => n.title)).toEqual(['Reading plan']);
    await refused(/The note is empty/, 'note', 'add', '   ');
    await refused(/No item with citation key or key "ghost"/, 'note', 'add', '--item', 'ghost', 'text');
  });
});

describe('sheaf trash', () => {
  it('lists, restores by key, and empties', async () => {
    const api = temp.host(file);
    const [id] = await api.call('items.ids', {
      view: { kind: 'library' },
      sort: { field: 'added', direction: 'asc' },
      offset: 0,
      limit: 1,
    });
    await api.call('items.trash', { ids: [id!] });
    api.host.close();

    expect(await ok('trash', 'list')).toBe(`item\t${attention}\t${ATTENTION.title}\n`);
    const listed = await sheafJson<{ items: { citekey: string }[]; itemCount: number }>(
      file,
      'trash',
      'list',
      '--json',
    );
    expect(listed.itemCount).toBe(1);
    expect(listed.items.map((i) => i.citekey)).toEqual([attention]);
    expect(await ok('trash', 'restore', attention)).toBe('Restored 1\n');
    expect(await titlesIn('--trash')).toEqual([]);
    await refused(/No item with citation key or key "ghost"/, 'trash', 'restore', 'ghost');

    const again = temp.host(file);
    await again.call('items.trash', { ids: [id!] });
    again.host.close();
    expect(await ok('trash', 'empty')).toMatch(/^Deleted 1 items, 0 collections, 0 notes for good/);
    expect(await titlesIn()).toEqual([BERT.title]);
    expect((await sheafJson<{ trashCount: number }>(file, 'info', '--json')).trashCount).toBe(0);
    // "undo can still bring them back", as it says.
    expect(await ok('undo')).toBe('Undid: Empty the trash\n');
    expect(await titlesIn('--trash')).toEqual([ATTENTION.title]);
  });
});

describe('sheaf undo and redo', () => {
  it('undo the last change whoever made it, redo it, and say when there is nothing to do', async () => {
    await ok('tag', 'add', 'x', attention);
    expect(await ok('undo')).toBe('Undid: Tag 1 item "x"\n');
    expect(await titlesIn('--tag', 'x')).toEqual([]);
    expect(await ok('redo')).toBe('Redid: Tag 1 item "x"\n');
    expect(await titlesIn('--tag', 'x')).toEqual([ATTENTION.title]);
    expect(await ok('redo')).toBe('Nothing to redo.\n');
    await ok('undo');
    await ok('undo');
    await ok('undo');
    expect(await ok('undo')).toBe('Nothing to undo.\n');
    expect(await titlesIn()).toEqual([]);
    const history = await sheafJson<{ label: string; undone: boolean }[]>(file, 'history', '--json');
    expect(history.map((s) => s.undone)).toEqual([true, true, true]);
  });
});

describe('sheaf duplicates', () => {
  it('lists groups, and --merge merges each into its oldest item', async () => {
    const api = temp.host(file);
    await api.call('items.create', { data: paper({ title: 'Attention is all you need.', date: '2017' }) });
    await api.call('items.create', {
      data: { ...paper({ title: 'BERT preprint', doi: BERT.doi! }), links: [] },
    });
    api.host.close();

    const found = await sheafJson<{ groups: { citekey: string }[][]; merged: number }>(
      file,
      'duplicates',
      '--json',
    );
    expect(found.merged).toBe(0);
    expect(found.groups.map((g) => g[0]!.citekey).sort()).toEqual([attention, bert].sort());
    expect(found.groups.map((g) => g.length)).toEqual([2, 2]);
    expect(await ok('duplicates')).toMatch(/2 groups \(merge with --merge\)/);

    const merged = await sheafJson<{ merged: number }>(file, 'duplicates', '--merge', '--json');
    expect(merged.merged).toBe(2);
    expect(await titlesIn()).toEqual([ATTENTION.title, BERT.title]);
    expect(await titlesIn('--trash')).toHaveLength(2);
    expect(await ok('duplicates')).toBe('No duplicates.\n');
  });
});
