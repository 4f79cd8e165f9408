// collection, tag, note, trash.
import type { Command } from 'commander';
import type { Collection } from '../../../shared/domain';
import type { LibraryHost } from '../../api/host';
import { collectionPath, resolveCollectionPath, splitCollectionPath } from '../../core/library/collections';
import { call, CliError, EXIT, itemId, printJson, readInput, withHost, type GlobalOptions } from '../runtime';

const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();

function findCollection(host: LibraryHost, path: string): number {
  return resolveCollectionPath(host.library.db, path, { create: false, now: host.library.now() });
}

function printTree(collections: Collection[], host: LibraryHost): void {
  for (const c of collections) {
    process.stdout.write(`${collectionPath(host.library.db, c.id)}\t${c.itemCount}\n`);
  }
}

export function registerOrganiseCommands(program: Command): void {
  const collection = program
    .command('collection')
    .description('create, rename, move, delete and fill collections');

  collection
    .command('list')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withHost(globals(command), async (host) => {
        const list = await call(host, 'collections.list', {});
        if (options.json) {
          return printJson(list.map((c) => ({ ...c, path: collectionPath(host.library.db, c.id) })));
        }
        printTree(list, host);
      });
    });

  collection
    .command('create')
    .argument('<path>', '"Parent/Child" (missing parents are created)')
    .action(async (path: string, _: unknown, command: Command) => {
      await withHost(globals(command), async (host) => {
        const parts = splitCollectionPath(path);
        if (parts.length === 0) throw new CliError('Give the collection a name.', EXIT.usage);
        let parentId: number | null = null;
        for (const [i, name] of parts.entries()) {
          const prefix = parts.slice(0, i + 1).join('/');
          let id: number | undefined;
          try {
            id = findCollection(host, prefix);
          } catch {
            id = undefined;
          }
          if (id === undefined) id = (await call(host, 'collections.create', { name, parentId })).id;
          else if (i === parts.length - 1) throw new CliError(`A collection "${path}" already exists.`);
          parentId = id;
        }
        process.stdout.write(`Created ${path}\n`);
      });
    });

  collection
    .command('rename')
    .argument('<path>')
    .argument('<name>', 'the new name')
    .action(async (path: string, name: string, _: unknown, command: Command) => {
      await withHost(globals(command), (host) =>
        call(host, 'collections.rename', { id: findCollection(host, path), name }),
      );
    });

  collection
    .command('move')
    .argument('<path>')
    .argument('<parent>', 'the new parent collection, or / for the top level')
    .action(async (path: string, parent: string, _: unknown, command: Command) => {
      await withHost(globals(command), (host) =>
        call(host, 'collections.move', {
          id: findCollection(host, path),
          parentId: parent === '/' || parent === '' ? null : findCollection(host, parent),
        }),
      );
    });

  collection
    .command('delete')
    .argument('<path>')
    .description('move a collection (and its subcollections) to the trash; its items stay in the library')
    .action(async (path: string, _: unknown, command: Command) => {
      await withHost(globals(command), (host) =>
        call(host, 'collections.trash', { id: findCollection(host, path) }),
      );
    });

  for (const verb of ['add', 'remove'] as const) {
    collection
      .command(verb)
      .argument('<path>')
      .argument('<keys...>', 'citation keys')
      .action(async (path: string, keys: string[], _: unknown, command: Command) => {
        await withHost(globals(command), async (host) => {
          const id = findCollection(host, path);
          const itemIds = keys.map((key) => itemId(host, key));
          if (verb === 'add') {
            const { added } = await call(host, 'collections.addItems', { id, itemIds });
            process.stdout.write(`Added ${added} to ${path}\n`);
          } else {
            const { removed } = await call(host, 'collections.removeItems', { id, itemIds });
            process.stdout.write(`Removed ${removed} from ${path}\n`);
          }
        });
      });
  }

  const tag = program.command('tag').description('tag items');
  for (const verb of ['add', 'remove'] as const) {
    tag
      .command(verb)
      .argument('<tag>')
      .argument('<keys...>', 'citation keys')
      .action(async (name: string, keys: string[], _: unknown, command: Command) => {
        await withHost(globals(command), async (host) => {
          const itemIds = keys.map((key) => itemId(host, key));
          if (verb === 'add') await call(host, 'tags.add', { itemIds, names: [name] });
          else await call(host, 'tags.remove', { itemIds, names: [name] });
        });
      });
  }
  tag
    .command('list')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const tags = await withHost(globals(command), (host) => call(host, 'tags.list', {}));
      if (options.json) return printJson(tags);
      for (const t of tags) process.stdout.write(`${t.name}\t${t.itemCount}\n`);
    });

  const note = program.command('note').description('write and list Markdown notes');
  note
    .command('add')
    .argument('[text]', 'the note (Markdown); - or nothing reads standard input')
    .option('--item <key>', 'attach to this item (citation key)')
    .action(async (text: string | undefined, options: { item?: string }, command: Command) => {
      await withHost(globals(command), async (host) => {
        const body = text === undefined || text === '-' ? readInput('-').toString('utf8') : text;
        if (!body.trim()) throw new CliError('The note is empty.');
        const created = await call(host, 'notes.create', {
          itemId: options.item ? itemId(host, options.item) : null,
          body,
        });
        process.stdout.write(`Note ${created.id}: ${created.title}\n`);
      });
    });
  note
    .command('list')
    .option('--item <key>', 'notes of this item')
    .option('--search <text>', 'notes containing these words')
    .option('--json', 'print JSON')
    .action(async (options: { item?: string; search?: string; json?: boolean }, command: Command) => {
      await withHost(globals(command), async (host) => {
        const notes = await call(host, 'notes.list', {
          ...(options.item ? { itemId: itemId(host, options.item) } : {}),
          ...(options.search ? { text: options.search } : {}),
        });
        if (options.json) return printJson(notes);
        for (const n of notes) process.stdout.write(`${n.id}\t${n.modified}\t${n.title}\n`);
      });
    });

  const trash = program.command('trash').description('list, restore or empty the trash');
  trash
    .command('list')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withHost(globals(command), async (host) => {
        const contents = await call(host, 'trash.contents', {});
        const ids = await call(host, 'items.ids', {
          view: { kind: 'trash' },
          sort: { field: 'added', direction: 'desc' },
          offset: 0,
          limit: 1_000_000,
        });
        const items = host.library.lists.rows(ids, []);
        if (options.json) return printJson({ ...contents, items });
        for (const i of items) process.stdout.write(`item\t${i.citekey}\t${i.title}\n`);
        for (const c of contents.collections) process.stdout.write(`collection\t${c.id}\t${c.name}\n`);
        for (const n of contents.notes) process.stdout.write(`note\t${n.id}\t${n.title}\n`);
        for (const d of contents.digests) process.stdout.write(`digest\t${d.id}\t${d.title}\n`);
      });
    });
  trash
    .command('restore')
    .argument('<keys...>', 'citation keys of trashed items')
    .action(async (keys: string[], _: unknown, command: Command) => {
      await withHost(globals(command), async (host) => {
        const { count } = await call(host, 'items.restore', { ids: keys.map((key) => itemId(host, key)) });
        process.stdout.write(`Restored ${count}\n`);
      });
    });
  trash.command('empty').action(async (_: unknown, command: Command) => {
    const result = await withHost(globals(command), (host) => call(host, 'trash.empty', {}));
    process.stdout.write(
      `Deleted ${result.items} items, ${result.collections} collections, ${result.notes} notes for good (undo can still bring them back).\n`,
    );
  });
}
