// Every API method called with hostile arguments: wrong types, NaN and negative numbers,
// huge strings, prototype keys (__proto__, constructor), unknown keys, deep nesting,
// path traversal in file names, and whole random values. A call the schema must refuse
// ends in invalid-argument; no call ends in an untyped ("internal") error; a refused
// call changes nothing in the library or on disk; nothing reaches Object.prototype; the
// only files written are the ones the save dialog chose; only http(s) links are opened.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { handlers } from '../../src/main/api/handlers';
import { LibraryHost } from '../../src/main/api/host';
import { Library } from '../../src/main/core/library/library';
import { startServer } from '../../src/main/server/server';
import { contract, type MethodName } from '../../src/shared/contract';
import { METHOD_NAMES } from '../../src/shared/contract/names';
import { importText } from '../support/imports';
import { ATTENTION, BERT } from '../support/items';
import { snapshot } from '../support/snapshot';
import { apiFor, TestClock, tempLibraries, type Api } from '../support/temp-library';
import { LARGE_TEXT_PATHS, RECORD_PATHS, TEMPLATES } from './support/api-templates';
import { announceSeed, runSeed, SOAK } from './support/env';
import { ensureBibtexExport } from './support/formats';

const temp = tempLibraries('api-fuzz');
const seed = runSeed();
const RUNS_PER_METHOD = SOAK ? 400 : 40;
const HUGE = 'x'.repeat(2 * 1024 * 1024 + 1);
const TRAVERSAL = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'C:\\boot.ini',
  'a/../../b',
  '\u0000',
  'file:///etc/passwd',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

const chosen = { dir: '', saves: [] as { suggested: string; extension: string }[], opened: [] as string[] };
let base = '';

/** A host on a copy of the prepared library (in a folder of its own), with a save "dialog" and a browser that record. */
function freshApi(): Api {
  const clock = new TestClock();
  const file = path.join(fs.mkdtempSync(path.join(temp.dir, 'library-')), 'library.sqlite');
  fs.copyFileSync(base, file);
  const host = new LibraryHost(
    Library.open(file, { now: clock.now }),
    {
      chooseSavePath: async (suggested, extension) => {
        chosen.saves.push({ suggested, extension });
        return path.join(chosen.dir, `chosen.${extension}`);
      },
      openExternal: async (url) => void chosen.opened.push(url),
    },
    { now: clock.now },
  );
  return apiFor(host, clock);
}

beforeAll(async () => {
  announceSeed('api-fuzz', seed, `${RUNS_PER_METHOD} hostile calls per method`);
  ensureBibtexExport();
  chosen.dir = fs.mkdtempSync(path.join(temp.dir, 'chosen-'));
  // Items 1 and 2, collections 1 and 2, tag 1, note 1, digest 1 (what the templates name).
  const api = temp.host();
  await api.call('items.create', { data: ATTENTION });
  await api.call('items.create', { data: BERT });
  await api.call('collections.create', { name: 'Reading', parentId: null });
  await api.call('collections.create', { name: 'Archive', parentId: null });
  await api.call('tags.add', { itemIds: [1], names: ['to-read'] });
  await api.call('notes.create', { itemId: 1, body: 'See [[vaswaniAttentionAllYou2017]]' });
  await importText(api, 'Daily Papers\n\nJun 17\n\nA paper title\n\nIts abstract, which is long enough.', {
    yearHint: 2026,
  });
  api.library.db.pragma('wal_checkpoint(TRUNCATE)');
  base = api.library.file;
});

type Path = (string | number)[];
type Mutation = { kind: string; mustRefuse: boolean; apply(args: unknown): unknown };

function paths(value: unknown, at: Path = []): { path: Path; value: unknown }[] {
  const here = { path: at, value };
  if (Array.isArray(value)) return [here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value && typeof value === 'object')
    return [here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [here];
}

function replaceAt(root: unknown, at: Path, make: (old: unknown) => unknown): unknown {
  if (at.length === 0) return make(root);
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  node[last] = make(node[last]);
  return copy;
}

/** Adds an own property, even "__proto__" (as JSON.parse and structured clone can). */
function withKey(object: unknown, key: string, value: unknown): unknown {
  const copy = { ...(object as object) };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const OTHERS: Record<string, unknown[]> = {
  string: [1, true, {}, [], ['x']],
  number: ['1', true, {}, [], [1]],
  boolean: ['true', 1, {}, []],
  object: ['x', 1, true, [], [{}]],
  array: ['x', 1, {}, true],
  null: ['x', {}, [], true, -1],
};

/** Hostile changes to one part of a valid call, and whether the schema must refuse them. */
function mutations(method: MethodName): fc.Arbitrary<Mutation> {
  const template = TEMPLATES[method];
  const parts = paths(template);
  const key = (at: Path) => `${method}:${at.join('.')}`;
  const options: fc.Arbitrary<Mutation>[] = [];
  for (const { path: at, value } of parts) {
    const type = typeOf(value);
    const inRecord = RECORD_PATHS.has(key(at.slice(0, -1)));
    if (at.length > 0 && !inRecord) {
      options.push(
        fc.constantFrom(...(OTHERS[type] ?? [])).map((other) => ({
          kind: `wrong type at ${at.join('.')}`,
          mustRefuse: true,
          apply: (args) => replaceAt(args, at, () => other),
        })),
        fc.constant({
          kind: `deep nesting at ${at.join('.')}`,
          mustRefuse: true,
          apply: (args: unknown) => replaceAt(args, at, () => deep(5000)),
        }),
      );
    }
    if (type === 'number') {
      options.push(
        fc
          .constantFrom(Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0.5)
          .map((bad) => ({
            kind: `number ${bad} at ${at.join('.')}`,
            mustRefuse: true,
            apply: (args) => replaceAt(args, at, () => bad),
          })),
        fc.constantFrom(2 ** 31, 2 ** 53, 1e308).map((big) => ({
          kind: `huge number ${big} at ${at.join('.')}`,
          mustRefuse: false,
          apply: (args) => replaceAt(args, at, () => big),
        })),
      );
    }
    if (type === 'string') {
      options.push(
        fc.constant({
          kind: `huge string at ${at.join('.')}`,
          mustRefuse: !LARGE_TEXT_PATHS.has(key(at)),
          apply: (args: unknown) => replaceAt(args, at, () => HUGE),
        }),
        fc.constantFrom(...TRAVERSAL, ...PROTO_KEYS).map((text) => ({
          kind: `string ${JSON.stringify(text)} at ${at.join('.')}`,
          mustRefuse: false,
          apply: (args) => replaceAt(args, at, () => text),
        })),
      );
    }
    if (type === 'object') {
      options.push(
        fc.constantFrom(...PROTO_KEYS).map((name) => ({
          kind: `key ${name} in ${at.join('.') || 'the arguments'}`,
          mustRefuse: true,
          apply: (args) => replaceAt(args, at, (old) => withKey(old, name, { polluted: true })),
        })),
        fc.constantFrom('polluted', 'toString', 'then').map((name) => ({
          kind: `unknown key ${name} in ${at.join('.') || 'the arguments'}`,
          mustRefuse: !inRecord && !RECORD_PATHS.has(key(at)),
          apply: (args) => replaceAt(args, at, (old) => withKey(old, name, 'x')),
        })),
      );
    }
  }
  const emptyIsValid = contract[method].args.safeParse({}).success;
  options.push(
    fc.constantFrom('x', 42, true, [], [template], Number.NaN).map((whole) => ({
      kind: `arguments ${JSON.stringify(whole)}`,
      mustRefuse: true,
      apply: () => whole,
    })),
    // A random value as the whole arguments: nothing is promised but a typed answer.
    fc.anything({ withNullPrototype: true, withBoxedValues: true, maxDepth: 3 }).map((whole) => ({
      kind: 'random arguments',
      mustRefuse: false,
      apply: () => whole,
    })),
  );
  // Transports read missing arguments as {}: null must be refused where {} is.
  options.push(fc.constant({ kind: 'null arguments', mustRefuse: !emptyIsValid, apply: () => null }));
  return fc.oneof(...options);
}

function filesUnder(dir: string): Map<string, number> {
  const files = new Map<string, number>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    if (/-(wal|shm)$/.test(full)) continue;
    files.set(full, fs.statSync(full).mtimeMs);
  }
  return files;
}

describe('every API method under hostile arguments', () => {
  it('has a valid template for every method of the contract', () => {
    expect(Object.keys(TEMPLATES).sort()).toEqual([...METHOD_NAMES].sort());
    for (const method of METHOD_NAMES) {
      expect(contract[method].args.safeParse(TEMPLATES[method]).success, method).toBe(true);
    }
  });

  for (const method of METHOD_NAMES) {
    it(`${method}: refuses what it must, never fails untyped, and a refused call changes nothing`, async () => {
      const api = freshApi();
      const dir = path.dirname(api.library.file);
      const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
      await fc.assert(
        fc.asyncProperty(mutations(method), async (mutation) => {
          const args = mutation.apply(TEMPLATES[method]);
          const before = snapshot(api.library.db);
          const filesBefore = filesUnder(dir);
          const result = await dispatch(handlers, api.host, method, args);
          expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
          if (result.ok) {
            expect(mutation.mustRefuse, `${mutation.kind} was accepted`).toBe(false);
            return;
          }
          expect(result.error.code, `${mutation.kind}: ${result.error.message}`).not.toBe('internal');
          if (mutation.mustRefuse) expect(result.error.code, mutation.kind).toBe('invalid-argument');
          expect(result.error.message.length).toBeLessThan(5000);
          expect(snapshot(api.library.db), `${mutation.kind} changed the library`).toEqual(before);
          const filesAfter = filesUnder(dir);
          const touched = [...new Set([...filesBefore.keys(), ...filesAfter.keys()])].filter(
            (file) => filesBefore.get(file) !== filesAfter.get(file),
          );
          expect(touched, `${mutation.kind} wrote files`).toEqual([]);
        }),
        { numRuns: RUNS_PER_METHOD, seed: (seed + METHOD_NAMES.indexOf(method)) | 0, endOnFailure: true },
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
      api.host.close();
    }, 120_000);
  }

  it('refuses unknown and prototype method names', async () => {
    const api = freshApi();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'library', '', 42, null]) {
      const result = await dispatch(handlers, api.host, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });
});

describe('files and links', () => {
  it('writes exports only where the save dialog said, suggesting a bare file name', async () => {
    const api = freshApi();
    const hostile = await api.call('collections.create', { name: '../../../../.bashrc', parentId: null });
    const back = await api.call('collections.create', { name: '..\\..\\evil', parentId: null });
    await api.call('collections.addItems', { id: hostile.id, itemIds: [1] });
    const others = filesUnder(temp.dir);
    chosen.saves.length = 0;
    await api.call('export.save', { scope: { kind: 'collection', id: hostile.id }, format: 'ris' });
    await api.call('bindings.create', { scope: { kind: 'collection', id: hostile.id }, format: 'bibtex' });
    await api.call('bindings.create', { scope: { kind: 'collection', id: back.id }, format: 'biblatex' });
    for (const { suggested } of chosen.saves) {
      expect(suggested).not.toMatch(/[/\\]/);
      expect(suggested).not.toMatch(/^\./);
    }
    const written = [...filesUnder(temp.dir).keys()].filter((file) => !others.has(file));
    expect(written.sort()).toEqual([
      path.join(chosen.dir, 'chosen.bib'),
      path.join(chosen.dir, 'chosen.ris'),
    ]);
  });

  it('opens only http(s) links, through the platform', async () => {
    const api = freshApi();
    const hostileUrls = fc.oneof(
      fc.constantFrom(
        'javascript:alert(1)',
        'JaVaScRiPt:alert(1)',
        ' javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'file:///etc/passwd',
        'vbscript:msgbox(1)',
        'https:\\\\evil.example',
        'http:/evil.example',
        'ftp://example.org',
        'http://exa mple.org',
        'https://example.org/\u202Egnp.exe',
        'http://[::1',
      ),
      fc
        .tuple(fc.constantFrom('javascript', 'data', 'file', 'HTTPS', 'ws'), fc.webUrl())
        .map(([scheme, url]) => url.replace(/^https?/, scheme)),
      fc.string({ maxLength: 60 }),
      fc.webUrl(),
    );
    await fc.assert(
      fc.asyncProperty(hostileUrls, async (url) => {
        chosen.opened.length = 0;
        const result = await dispatch(handlers, api.host, 'shell.openExternal', { url });
        if (result.ok) {
          expect(chosen.opened).toHaveLength(1);
          expect(['http:', 'https:']).toContain(new URL(chosen.opened[0]!).protocol);
        } else {
          expect(chosen.opened).toEqual([]);
          expect(result.error.code).toBe('invalid-argument');
        }
      }),
      { numRuns: SOAK ? 2000 : 300, seed },
    );
  });
});

describe('the browser-mode transport under hostile requests', () => {
  it('answers bad bodies with a refusal and keeps serving', async () => {
    const api = freshApi();
    const renderer = fs.mkdtempSync(path.join(temp.dir, 'renderer-'));
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html>');
    const server = await startServer({ host: api.host, rendererDir: renderer, maxBodyBytes: 1024 * 1024 });
    const post = (method: string, body: string) =>
      fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sheaf-Token': server.token },
        body,
      });
    const answer = async (response: Response) =>
      (await response.json()) as { ok: boolean; error: { code: string } };
    try {
      const before = snapshot(api.library.db);
      const proto = await post(
        'collections.create',
        '{"name":"x","parentId":null,"__proto__":{"polluted":true}}',
      );
      expect((await answer(proto)).error.code).toBe('invalid-argument');
      const nested = await post('items.create', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
      expect([400, 200]).toContain(nested.status);
      expect((await answer(nested)).ok).toBe(false);
      const huge = await post(
        'notes.create',
        JSON.stringify({ itemId: 1, body: 'x'.repeat(2 * 1024 * 1024) }),
      );
      expect(huge.status).toBe(413);
      const broken = await post('library.info', '{"unterminated');
      expect(broken.status).toBe(400);
      const traversal = await fetch(`http://127.0.0.1:${server.port}/..%2f..%2f..%2fetc%2fpasswd`);
      expect(traversal.status).toBe(404);
      const unknown = await post('..%2fhistory.undo', '{}');
      expect((await answer(unknown)).error.code).toBe('unknown-method');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(snapshot(api.library.db)).toEqual(before);
      const alive = await post('library.info', '{}');
      expect((await answer(alive)).ok).toBe(true);
    } finally {
      await server.close();
    }
  });
});
