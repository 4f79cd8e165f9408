// The library the crash harness works on, and the next operation to interrupt, drawn
// from a seeded generator and the library's current state (live items, the trash,
// collections, backups). The library stays small so that a round costs little.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { addToCollection, createCollection } from '../../../src/main/core/library/collections';
import { createNote } from '../../../src/main/core/library/notes';
import { attachTags } from '../../../src/main/core/library/tags';
import { createBinding } from '../../../src/main/core/service/bindings';
import { listBackups } from '../../../src/main/core/service/backups';
import type { Rng } from './env';
import { openCrashHost, runOp, type CrashOp, type OpKind } from './crash-ops';
import { IMPORT_WRITERS, papers } from './records';

export const CLOCK_START = Date.UTC(2026, 5, 17, 9, 0, 0);
/** Above this many items the library is put back to its starting state. */
export const MAX_ITEMS = 1200;

const WEIGHTS: Record<OpKind, number> = {
  import: 3,
  tag: 1.5,
  untag: 0.7,
  collect: 1,
  trash: 1,
  'restore-items': 0.7,
  merge: 1,
  edit: 0.4,
  note: 0.4,
  undo: 1.5,
  redo: 0.8,
  'empty-trash': 0.5,
  export: 2.5,
  backup: 1,
  restore: 0.6,
};

/** Ops that pick among the live items. */
const PICKS_ITEMS = new Set<OpKind>(['tag', 'untag', 'collect', 'trash', 'merge', 'edit', 'note']);

export interface CrashWorld {
  dir: string;
  library: string;
  base: string;
  exportDir: string;
  boundFile: string;
  importFormats: string[];
  exportFormats: { id: string; extension: string }[];
}

/** Builds the starting library (imports, collections, tags, notes, a bound .bib, a backup). */
export async function buildWorld(
  dir: string,
  rng: Rng,
  importFormats: string[],
  exportFormats: { id: string; extension: string }[],
): Promise<CrashWorld> {
  const world: CrashWorld = {
    dir,
    library: path.join(dir, 'library.sqlite'),
    base: path.join(dir, 'base.sqlite'),
    exportDir: path.join(dir, 'exports'),
    boundFile: path.join(dir, 'tex', 'refs.bib'),
    importFormats,
    exportFormats,
  };
  fs.mkdirSync(world.exportDir, { recursive: true });
  fs.mkdirSync(path.dirname(world.boundFile), { recursive: true });
  const host = openCrashHost(world.base, {
    now: CLOCK_START,
    exportPath: (ext) => path.join(world.exportDir, `export.${ext}`),
    mark: () => {},
  });
  try {
    for (const format of importFormats) {
      const writer = IMPORT_WRITERS[format]!;
      const text = writer.write(papers(rng, `Base ${format}`, 60, 25));
      const outcome = await runOp(
        host,
        { kind: 'import', text, name: writer.name, exclude: [] },
        { mark: () => {}, writeBindings: false },
      );
      if (!outcome.ok) throw new Error(`base import ${format} failed: ${outcome.message}`);
    }
    const ids = liveItems(host.library.db);
    host.library.write('Set up', () => {
      const db = host.library.db;
      const reading = createCollection(db, 'Reading', null, CLOCK_START);
      const inner = createCollection(db, 'Transformers', reading, CLOCK_START);
      createCollection(db, 'Archive', null, CLOCK_START);
      addToCollection(db, reading, rng.sample(ids, 60), CLOCK_START);
      addToCollection(db, inner, rng.sample(ids, 30), CLOCK_START);
      attachTags(db, rng.sample(ids, 80), ['to-read']);
      attachTags(db, rng.sample(ids, 40), ['important']);
      const keys = db.prepare('SELECT citekey FROM items LIMIT 20').pluck().all() as string[];
      for (const [i, key] of keys.entries())
        createNote(
          db,
          ids[i]!,
          `# Note ${i}\n\nSee [[${key}]] and [[${keys[(i + 1) % keys.length]}]].`,
          CLOCK_START,
        );
    });
    createBinding(host.library, { kind: 'library' }, 'bibtex', world.boundFile);
    await runOp(host, { kind: 'backup' }, { mark: () => {}, writeBindings: false });
  } finally {
    host.close();
  }
  resetWorld(world);
  return world;
}

/** Puts the library back to the starting state (its backups stay). */
export function resetWorld(world: CrashWorld): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${world.library}${suffix}`, { force: true });
  fs.copyFileSync(world.base, world.library);
  const backups = `${world.base}-backups`;
  const target = `${world.library}-backups`;
  if (!fs.existsSync(target)) fs.cpSync(backups, target, { recursive: true });
}

function liveItems(db: Database.Database): number[] {
  return db.prepare('SELECT id FROM items WHERE deleted IS NULL ORDER BY id').pluck().all() as number[];
}

/** The next operation, chosen from what the library holds now. */
export function nextOp(db: Database.Database, world: CrashWorld, rng: Rng, round: number): CrashOp {
  const live = liveItems(db);
  const trashed = db.prepare('SELECT id FROM items WHERE deleted IS NOT NULL').pluck().all() as number[];
  const collections = db
    .prepare('SELECT id FROM collections WHERE deleted IS NULL')
    .pluck()
    .all() as number[];
  const drawn = rng.weighted(WEIGHTS);
  // Once the rounds have trashed (nearly) every item, an op that picks items has nothing to
  // pick: an import refills the library instead.
  const kind: OpKind = live.length < 8 && PICKS_ITEMS.has(drawn) ? 'import' : drawn;
  const some = (min: number, max: number) => rng.sample(live, rng.int(min, max));
  switch (kind) {
    case 'import': {
      const format = rng.pick(world.importFormats);
      const writer = IMPORT_WRITERS[format]!;
      const records = papers(rng, `Round ${round}`, rng.int(200, 700), 25);
      // Some records repeat papers already in the library (duplicates merge into them).
      const existing = db
        .prepare('SELECT title, substr(date, 1, 4) AS year FROM items ORDER BY random() LIMIT 20')
        .all() as { title: string; year: string | null }[];
      for (const [i, row] of existing.entries()) {
        if (row.year && rng.chance(0.5))
          records[i] = { ...records[i]!, title: row.title, year: Number(row.year) };
      }
      return {
        kind,
        text: writer.write(records),
        name: writer.name,
        exclude: rng.sample(
          records.map((_, i) => i),
          rng.int(0, 5),
        ),
        ...(collections.length && rng.chance(0.4) ? { collectionId: rng.pick(collections) } : {}),
      };
    }
    case 'tag':
      return {
        kind,
        itemIds: some(20, 400),
        names: [`round-${round}`, rng.pick(['to-read', 'important', 'new'])],
      };
    case 'untag':
      return { kind, itemIds: some(20, 400), names: [rng.pick(['to-read', 'important', 'new'])] };
    case 'collect':
      return collections.length
        ? { kind, collectionId: rng.pick(collections), itemIds: some(20, 300) }
        : { kind: 'undo' };
    case 'trash':
      return { kind, itemIds: some(10, 200) };
    case 'restore-items':
      return trashed.length ? { kind, itemIds: rng.sample(trashed, rng.int(1, 200)) } : { kind: 'undo' };
    case 'merge': {
      const [keepId, ...otherIds] = some(3, 8);
      return { kind, keepId: keepId!, otherIds };
    }
    case 'edit':
      return { kind, id: rng.pick(live), title: `Edited in round ${round}` };
    case 'note': {
      const keys = db
        .prepare('SELECT citekey FROM items ORDER BY random() LIMIT 3')
        .pluck()
        .all() as string[];
      return {
        kind,
        itemId: rng.pick(live),
        body: `Round ${round}: ${keys.map((k) => `[[${k}]]`).join(' ')}`,
      };
    }
    case 'undo':
    case 'redo':
    case 'empty-trash':
    case 'backup':
      return { kind };
    case 'export': {
      const format = rng.pick(world.exportFormats);
      return { kind, format: format.id, extension: format.extension };
    }
    case 'restore': {
      const backups = listBackups(world.library);
      return backups.length
        ? { kind, backup: path.basename(rng.pick(backups.slice(0, 3)).file) }
        : { kind: 'backup' };
    }
  }
}

export function itemCount(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM items').pluck().get() as number;
}
