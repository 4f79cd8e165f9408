// The whole-library figures of bench/bibtex.ts, on copies of the core benchmark's synthetic
// library: the export to a file (in process, and as a `sheaf export` process), the
// desktop's save, and a .bib kept updated after edits.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerBuiltInFormats } from '../../src/main/core/formats/all';
import { readItem, replaceItemData, toItemData } from '../../src/main/core/library/items';
import { Library } from '../../src/main/core/library/library';
import { createBindingInSlices } from '../../src/main/core/service/bindings';
import { BindingsSync } from '../../src/main/core/service/bindings-sync';
import { exportChunks, saveExportInSlices } from '../../src/main/core/service/exporting';
import { writeFileAtomic } from '../../src/main/core/files/atomic-write';
import { freshCliBundle } from '../../scripts/lib/built-cli.js';
import { longestBlock } from './event-loop';
import { fastest } from './timing';
import { onSyntheticCopy } from './libraries';

const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * What `sheaf export --format bibtex --output FILE` does for a whole library, without
 * process start-up, on a copy of the core benchmark's synthetic library: the first export
 * reads and renders every entry and stores them (service/entry-cache.ts); the next ones
 * read them back. Each writes the file (atomically, flushed to disk).
 */
export async function libraryExport(
  count: number,
): Promise<{ first: number; again: { best: number; median: number }; bytes: number }> {
  registerBuiltInFormats();
  return onSyntheticCopy(count, (file, dir) => {
    const library = Library.open(file);
    try {
      const output = join(dir, 'library.bib');
      const save = () => writeFileAtomic(output, exportChunks(library, { kind: 'library' }, 'bibtex').chunks);
      const started = performance.now();
      save();
      const first = performance.now() - started;
      return { first, again: fastest(3, save), bytes: statSync(output).size };
    } finally {
      library.close();
    }
  });
}

/**
 * `sheaf export --format bibtex --output FILE` of a copy of the synthetic library (nothing
 * stored yet) as its own process, as a script runs it: wall time from start to exit, and
 * the process's peak resident memory (bench/lib/peak-rss.mjs).
 */
export async function commandLineFirstExport(
  count: number,
): Promise<{ ms: number; peakMb: number; code: string }> {
  return onSyntheticCopy(count, (library, dir) => {
    const args = ['--library', library, 'export', '--format', 'bibtex', '--output', join(dir, 'out.bib')];
    const started = performance.now();
    const result = spawnSync(
      process.execPath,
      ['--import', join(repository, 'bench/lib/peak-rss.mjs'), join(repository, 'bin/sheaf.js'), ...args],
      { encoding: 'utf8' },
    );
    const ms = performance.now() - started;
    if (result.status !== 0) throw new Error(`sheaf ${args.join(' ')}: ${result.stderr}`);
    const peak = /peak-rss-kib (\d+)/.exec(result.stderr);
    if (!peak) throw new Error('the export process did not report its peak memory');
    const code = freshCliBundle(repository) ? 'built' : 'from source via tsx';
    return { ms, peakMb: Number(peak[1]) / 1024, code };
  });
}

/**
 * The desktop's save of a whole-library .bib, on a copy of the synthetic library opened as
 * the app opens it: the time to the file (written in slices), then to its entries stored
 * after it (ADR 66), and the longest the event loop went without a turn.
 */
export async function desktopSave(count: number): Promise<{ file: number; stored: number; block: number }> {
  registerBuiltInFormats();
  return onSyntheticCopy(count, async (file, dir) => {
    const app = Library.open(file, { backgroundWorkers: true });
    try {
      await app.backgroundSettled();
      const started = performance.now();
      const { blockMs, value: fileMs } = await longestBlock(async () => {
        await saveExportInSlices(app, { kind: 'library' }, 'bibtex', join(dir, 'library.bib'));
        const written = performance.now() - started;
        await app.backgroundSettled();
        return written;
      });
      return { file: fileMs, stored: performance.now() - started - fileMs, block: blockMs };
    } finally {
      app.close();
    }
  });
}

/**
 * A whole library bound to a .bib file: one item edited, then the file rewritten as the
 * app's BindingsSync does it (entries rendered in slices, unchanged ones from the writer's
 * memory; the file written a megabyte at a time). On a copy of the synthetic library.
 * `block` is the longest the event loop went without a turn during the rewrites after an
 * edit and the one after a restart.
 */
export async function keptUpdated(count: number): Promise<{
  first: number;
  restarted: number;
  best: number;
  median: number;
  block: number;
}> {
  registerBuiltInFormats();
  return onSyntheticCopy(count, async (file, dir) => {
    const bound = join(dir, 'library.bib');
    // Opened as the app opens it, with its checkpoint worker (ADR 63).
    const library = Library.open(file, { backgroundWorkers: true });
    await library.backgroundSettled();
    // What the app's main process does on a change: the debounced flush, the file written.
    let block = 0;
    const flush = async (sync: BindingsSync) => {
      const started = performance.now();
      const { blockMs } = await longestBlock(() => sync.flush());
      block = Math.max(block, blockMs);
      return performance.now() - started;
    };
    const edit = (round: number) => {
      const id = 1 + Math.floor((((round % 5) + 0.5) * count) / 5);
      library.write('Edit', () => {
        const item = readItem(library.db, id);
        replaceItemData(library.db, id, { ...toItemData(item), volume: `v${round}` }, library.now());
      });
    };
    const newSync = () =>
      new BindingsSync(
        () => library,
        (_id, _path, error) => {
          if (error) throw new Error(error);
        },
      );
    try {
      const started = performance.now();
      await createBindingInSlices(library, { kind: 'library' }, 'bibtex', bound);
      const first = performance.now() - started;
      // Its entries are stored after the file is written (ADR 66); the edits come after that.
      await library.backgroundSettled();
      const sync = newSync();
      await flush(sync); // reads the file once, as after a start
      const times: number[] = [];
      block = 0;
      for (let round = 0; round < 5; round++) {
        edit(round);
        times.push(await flush(sync));
        if (!readFileSync(bound, 'utf8').includes(`v${round}`))
          throw new Error('the edit is missing from the rewritten file');
      }
      times.sort((a, b) => a - b);
      // The app started again: a new sync finds the entries stored in the library, and the
      // file on disk to compare with.
      edit(5);
      const restarted = await flush(newSync());
      return { first, restarted, best: times[0]!, median: times[2]!, block };
    } finally {
      library.close();
    }
  });
}
