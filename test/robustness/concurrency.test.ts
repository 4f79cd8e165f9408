// Two processes writing at once: the app (the browser mode, another process) keeps
// writing while `sheaf` imports and tags from other processes. Every write that was
// acknowledged is in the library, nothing is half there, and the file stays sound. A
// library held busy by another writer ends a write with a clear message once the busy
// timeout has passed, not with a hang.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOAK, Rng, announceSeed, runSeed } from './support/env';
import { invariantViolations } from './support/fingerprint';
import { REPO_ROOT } from './support/child-bundle';
import { papers, ris } from './support/records';
import { serveLibrary, type Answer, type ServedApp } from './support/serve';
import { tempLibraries } from '../support/temp-library';
import { paper } from '../support/items';

const temp = tempLibraries('concurrency');
const seed = runSeed();
const CLI_IMPORTS = SOAK ? 12 : 4;
const APP_WRITES = SOAK ? 300 : 60;
const BUSY_MESSAGE = 'The library is busy: another Sheaf process is writing to it. Try again in a moment.';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** performance.now() when the process started and when it exited. */
  started: number;
  ended: number;
}

/** `sheaf --library FILE ...args` as its own process, without blocking this one. */
function sheafAsync(library: string, args: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/sheaf.js', '--library', library, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ended = performance.now();
      resolve({ code: code ?? -1, stdout, stderr, ms: ended - started, started, ended });
    });
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let app: ServedApp;
let library: string;

beforeAll(async () => {
  announceSeed('concurrency', seed, `${CLI_IMPORTS} CLI imports, ${APP_WRITES} app writes`);
  library = temp.file();
  app = await serveLibrary(library, fs.mkdtempSync(path.join(temp.dir, 'app-')));
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('the app and the CLI writing at once', () => {
  it('keep every acknowledged write, whole, and the library sound', async () => {
    const rng = new Rng(seed);
    const imports = Array.from({ length: CLI_IMPORTS }, (_, k) => {
      const file = path.join(temp.dir, `import-${k}.ris`);
      fs.writeFileSync(file, ris(papers(rng, `CLI ${k}`, rng.int(150, 400))));
      return { file, count: fs.readFileSync(file, 'utf8').split('ER  - ').length - 1 };
    });
    const seeded = await app.value('items.create', {
      data: paper({ title: 'Seed paper', citekey: 'seed2026' }),
    });

    let cliDone = false;
    const appAnswerTimes: number[] = [];
    const appWrites = (async () => {
      const acknowledged: string[] = [];
      const refused: string[] = [];
      // At least APP_WRITES, and on until every CLI process has finished.
      for (let i = 0; i < APP_WRITES || !cliDone; i++) {
        const title = `App ${i}`;
        const result = await app.call('items.create', { data: paper({ title }) });
        appAnswerTimes.push(performance.now());
        if (result.ok) acknowledged.push(title);
        else refused.push(`${result.error.code}: ${result.error.message}`);
        if (i % 10 === 9) await app.call('tags.add', { itemIds: [seeded.id], names: [`app-${i}`] });
      }
      return { acknowledged, refused };
    })();
    const cliRuns = Promise.all([
      // Started apart (as a user's scripts would be), so that the app writes between them.
      ...imports.map(({ file }, k) =>
        delay(k * 600).then(() => sheafAsync(library, ['import', file, '--json'])),
      ),
      sheafAsync(library, ['tag', 'add', 'from-cli', 'seed2026']),
      sheafAsync(library, ['note', 'add', '--item', 'seed2026', 'Written by the CLI']),
    ]).finally(() => (cliDone = true));
    const [{ acknowledged, refused }, runs] = await Promise.all([appWrites, cliRuns]);

    // Refusals, if any, are the clear busy message, never something else.
    for (const message of refused) expect(message).toBe(`busy: ${BUSY_MESSAGE}`);
    for (const run of runs) {
      if (run.code !== 0) expect(run.stderr).toBe(`sheaf: ${BUSY_MESSAGE}\n`);
    }
    const db = new Database(library, { readonly: true });
    try {
      expect(invariantViolations(db)).toEqual([]);
      const titles = new Set(db.prepare('SELECT title FROM items').pluck().all() as string[]);
      for (const title of acknowledged) expect(titles, `the app's "${title}" was lost`).toContain(title);
      const count = (prefix: string) =>
        db.prepare('SELECT count(*) FROM items WHERE title LIKE ?').pluck().get(`${prefix}%`) as number;
      expect(count('App ')).toBe(acknowledged.length);
      for (const [k, { count: expected }] of imports.entries()) {
        const run = runs[k]!;
        if (run.code === 0) {
          expect(JSON.parse(run.stdout)).toMatchObject({ added: expected });
          expect(count(`CLI ${k} `)).toBe(expected);
        } else {
          expect(count(`CLI ${k} `)).toBe(0); // a refused import left nothing behind
        }
      }
      const tags = db
        .prepare('SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id WHERE it.item_id = ?')
        .pluck()
        .all(seeded.id) as string[];
      if (runs[CLI_IMPORTS]!.code === 0) expect(tags).toContain('from-cli');
      expect(tags.filter((t) => t.startsWith('app-'))).toHaveLength(
        Math.floor((acknowledged.length + refused.length) / 10),
      );
      // One undo step per successful write, whichever process made it.
      const steps = db.prepare('SELECT label FROM history ORDER BY id').pluck().all() as string[];
      const importSteps = steps.flatMap((label, i) => (label.startsWith('Import ') ? [i] : []));
      expect(importSteps).toHaveLength(runs.slice(0, CLI_IMPORTS).filter((r) => r.code === 0).length);
      // The writes really were at once: the app answered writes while each import ran. (Which
      // of two waiting writers takes the lock next is the machine's, so the order of their
      // steps in the history is not asserted.)
      for (const run of runs.slice(0, CLI_IMPORTS)) {
        const during = appAnswerTimes.filter((time) => time > run.started && time < run.ended);
        expect(during.length, 'app writes answered while an import ran').toBeGreaterThan(0);
      }
      // The app sees what the others wrote.
      const total = db.prepare('SELECT count(*) FROM items WHERE deleted IS NULL').pluck().get() as number;
      await expect.poll(async () => (await app.value('library.info', {})).itemCount).toBe(total);
    } finally {
      db.close();
    }
    process.stdout.write(
      `[concurrency] ${acknowledged.length} app writes acknowledged, ${refused.length} refused as busy; ` +
        `${runs.filter((r) => r.code === 0).length}/${runs.length} CLI runs done\n`,
    );
  }, 300_000);
});

describe('a library held busy by another writer', () => {
  it('ends a CLI write with a clear message after the busy timeout, then works once it is free', async () => {
    const holder = new Database(library);
    holder.pragma('busy_timeout = 10000');
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("INSERT INTO settings(name, value) VALUES ('held', 'yes')").run();
    let refused: Run;
    try {
      refused = await sheafAsync(library, ['tag', 'add', 'while-busy', 'seed2026']);
    } finally {
      holder.exec('ROLLBACK');
    }
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`sheaf: ${BUSY_MESSAGE}\n`);
    // It waited for the writer (the 5 s busy timeout) and then gave up: no hang.
    expect(refused.ms).toBeGreaterThan(4500);
    expect(refused.ms).toBeLessThan(60_000);

    const retried = await sheafAsync(library, ['tag', 'add', 'while-busy', 'seed2026']);
    expect(retried.stderr).toBe('');
    expect(retried.code).toBe(0);
    holder.close();
  }, 120_000);

  it('ends an app write the same way, and the app keeps working afterwards', async () => {
    const holder = new Database(library);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare("INSERT INTO settings(name, value) VALUES ('held', 'yes')").run();
    const started = performance.now();
    let result: Answer<'collections.create'>;
    try {
      result = await app.call('collections.create', { name: 'While busy', parentId: null });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(result).toEqual({ ok: false, error: { code: 'busy', message: BUSY_MESSAGE } });
    expect(performance.now() - started).toBeGreaterThan(4500);
    const created = await app.value('collections.create', { name: 'While busy', parentId: null });
    expect(created.name).toBe('While busy');
  }, 120_000);
});
