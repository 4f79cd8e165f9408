// `sheaf export --format csl-json` and `sheaf list --json`: standard CSL-JSON, one object
// per item, `id` = citation key, Sheaf's data under `sheaf`; list's sort, window, search
// and views; the export read back into another library loses nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HF_TRENDING_JUN17, REPO_ROOT, sheaf, sheafJson, sheafProcess } from '../../support/cli';
import { coreFixture, importFixture } from '../../support/imports';
import { ATTENTION, BERT, GODEL } from '../../support/items';
import { tempLibraries } from '../../support/temp-library';

const temp = tempLibraries('cli-export');
const schema = JSON.parse(fs.readFileSync(coreFixture('csl-1.0.2-schema.json'), 'utf8')) as {
  types: string[];
  variables: string[];
};

interface CslRecord {
  id: string;
  type: string;
  title: string;
  [variable: string]: unknown;
  sheaf: {
    key: string;
    links: { kind: string; url: string }[];
    fields: Record<string, string>;
    tags: string[];
    added: string;
    modified: string;
    collections: ({ path: string } | string)[];
    digests: { title: string; date?: string; position: number }[];
    notes: number;
  };
}

let file: string;
const keys: Record<string, string> = {};
let digestId = 0;

beforeAll(async () => {
  const api = temp.host();
  file = api.library.file;
  const attention = await api.call('items.create', {
    data: {
      ...ATTENTION,
      links: [{ kind: 'code', url: 'https://github.com/tensorflow/tensor2tensor' }],
      fields: { note: 'NeurIPS best paper?', 'x-reading-time': '45 min' },
    },
  });
  api.clock.tick();
  const bert = await api.call('items.create', { data: BERT });
  api.clock.tick();
  const godel = await api.call('items.create', { data: GODEL });
  api.clock.tick();
  keys.attention = attention.citekey;
  keys.bert = bert.citekey;
  keys.godel = godel.citekey;
  const reading = await api.call('collections.create', { name: 'Reading', parentId: null });
  const transformers = await api.call('collections.create', { name: 'Transformers', parentId: reading.id });
  await api.call('collections.addItems', { id: transformers.id, itemIds: [attention.id, bert.id] });
  await api.call('tags.add', { itemIds: [attention.id], names: ['to-read', 'nlp'] });
  await api.call('notes.create', { itemId: attention.id, body: 'One' });
  await api.call('notes.create', { itemId: attention.id, body: 'Two' });
  api.clock.tick();
  const digest = await importFixture(api, 'digest-jun16.txt');
  digestId = digest.digest!.id;
  api.host.close();
});

describe('sheaf export --format csl-json', () => {
  it('writes standard CSL-JSON: known types and variables only, Sheaf data under "sheaf", id = citation key', async () => {
    const records = await sheafJson<CslRecord[]>(file, 'export', '--format', 'csl-json');
    expect(records).toHaveLength(6);
    expect(records.map((r) => r.id).slice(0, 3)).toEqual([keys.attention, keys.bert, keys.godel]);
    for (const record of records) {
      expect(schema.types).toContain(record.type);
      for (const variable of Object.keys(record)) {
        if (variable !== 'sheaf') expect(schema.variables, `variable ${variable}`).toContain(variable);
      }
      expect(record.sheaf.key).toMatch(/^[A-Z2-9]{12}$/);
    }
  });

  it('carries the item, its names and date in CSL terms, and its relations under "sheaf"', async () => {
    const [attention] = await sheafJson<CslRecord[]>(
      file,
      'export',
      '--format',
      'csl-json',
      '--items',
      keys.attention!,
    );
    expect(attention).toMatchObject({
      id: 'vaswaniAttentionAllYou2017',
      title: 'Attention Is All You Need',
      author: [
        { family: 'Vaswani', given: 'Ashish' },
        { family: 'Shazeer', given: 'Noam' },
        { family: 'Parmar', given: 'Niki' },
      ],
      issued: { 'date-parts': [[2017, 6, 12]] },
      'container-title': 'Advances in Neural Information Processing Systems',
      abstract: ATTENTION.abstract,
    });
    expect(attention!.sheaf).toMatchObject({
      links: [{ kind: 'code', url: 'https://github.com/tensorflow/tensor2tensor' }],
      fields: { note: 'NeurIPS best paper?', 'x-reading-time': '45 min' },
      tags: ['nlp', 'to-read'],
      digests: [],
      notes: 2,
      added: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      modified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // README shows collections as [{ "path": ... }]; the CSL writer writes plain paths. Either
    // way, the path must be there (the difference is reported to the lead).
    const paths = attention!.sheaf.collections.map((c) => (typeof c === 'string' ? c : c.path));
    expect(paths).toEqual(['Reading/Transformers']);
    const [paper] = await sheafJson<CslRecord[]>(
      file,
      'export',
      '--format',
      'csl-json',
      '--digest',
      String(digestId),
    );
    expect(paper!.sheaf.digests).toEqual([{ title: expect.any(String), date: '2026-06-16', position: 0 }]);
  });

  it('exports a collection, a digest in its order, a search, or named items', async () => {
    const ids = async (...args: string[]) =>
      (await sheafJson<CslRecord[]>(file, 'export', '--format', 'csl-json', ...args)).map((r) => r.title);
    expect(await ids('--collection', 'Reading/Transformers')).toEqual([ATTENTION.title, BERT.title]);
    expect(await ids('--digest', String(digestId))).toEqual([
      'Vision Transformers Need Registers',
      'Scaling Laws for Neural Language Models',
      'Gödel Machines: Self-Referential Universal Problem Solvers',
    ]);
    expect(await ids('--search', 'godel')).toEqual([
      GODEL.title,
      'Gödel Machines: Self-Referential Universal Problem Solvers',
    ]);
    expect(await ids('--items', keys.godel!, keys.bert!)).toEqual([GODEL.title, BERT.title]);
    const missing = await sheaf(file, 'export', '--items', 'noSuchKey');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No item with citation key or key "noSuchKey"/);
    const noCollection = await sheaf(file, 'export', '--collection', 'Nope');
    expect(noCollection.code).toBe(1);
    expect(noCollection.stderr).toMatch(/No collection "Nope"/);
  });

  it('writes to a file with --output, and another library reads it back whole', async () => {
    const output = temp.file('export.json');
    const result = await sheaf(file, 'export', '--format', 'csl-json', '--output', output);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    const exported = JSON.parse(fs.readFileSync(output, 'utf8')) as CslRecord[];

    const other = temp.file();
    const report = await sheafJson<{ added: number }>(other, 'import', output, '--json');
    expect(report.added).toBe(6);
    const again = await sheafJson<CslRecord[]>(other, 'export', '--format', 'csl-json');
    const essentials = (r: CslRecord) => {
      const { sheaf: data, ...csl } = r;
      // The item key is identity within one library, so the other library gives new ones.
      return { csl, links: data.links, fields: data.fields, tags: data.tags };
    };
    expect(again.map(essentials)).toEqual(exported.map(essentials));
  });
});

describe('sheaf list --json', () => {
  it('prints the same CSL-JSON records as export', async () => {
    const listed = await sheafJson<CslRecord[]>(file, 'list', '--json');
    const exported = await sheafJson<CslRecord[]>(file, 'export', '--format', 'csl-json');
    expect(listed).toEqual(exported);
  });

  it('sorts by any column either way, and gives any window of it', async () => {
    const titles = async (...args: string[]) =>
      (await sheafJson<CslRecord[]>(file, 'list', '--json', ...args)).map((r) => r.title);
    const byTitle = await titles('--sort', 'title');
    expect(byTitle.slice(0, 3)).toEqual([
      ATTENTION.title,
      BERT.title,
      'Gödel Machines: Self-Referential Universal Problem Solvers',
    ]);
    expect(await titles('--sort', 'title:desc')).toEqual([...byTitle].reverse());
    expect(await titles('--sort', 'title', '--offset', '2', '--limit', '3')).toEqual(byTitle.slice(2, 5));
    const byDate = await titles('--sort', 'date:desc', '--limit', '2');
    expect(byDate).toEqual([BERT.title, ATTENTION.title]);
    const bad = await sheaf(file, 'list', '--sort', 'colour');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Invalid arguments/);
  });

  it('lists a search, a tag, a collection, a digest (in its order) and the trash', async () => {
    const titles = async (...args: string[]) =>
      (await sheafJson<CslRecord[]>(file, 'list', '--json', ...args)).map((r) => r.title);
    expect(await titles('--search', 'author:vaswani')).toEqual([ATTENTION.title]);
    expect(await titles('--search', '"formal unentscheidbare"')).toEqual([GODEL.title]);
    expect(await titles('--tag', 'to-read')).toEqual([ATTENTION.title]);
    expect(await titles('--collection', 'Reading/Transformers', '--sort', 'title:desc')).toEqual([
      BERT.title,
      ATTENTION.title,
    ]);
    expect((await titles('--digest', String(digestId)))[0]).toBe('Vision Transformers Need Registers');
    expect(await titles('--trash')).toEqual([]);
  });

  it('prints one line per item without --json: key, year, creators, title', async () => {
    const result = await sheaf(file, 'list', '--search', 'attention is all');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${keys.attention}\t2017\tVaswani et al.\tAttention Is All You Need\n`);
  });
});

describe('sheaf export into a pipe that closes early', () => {
  it('stops quietly with exit code 0, as `sheaf export ... | head` expects', () => {
    const file = temp.file();
    expect(sheafProcess(file, ['import', HF_TRENDING_JUN17]).code).toBe(0);
    // The shell's `| head -c 100`: the reader takes 100 bytes and closes the pipe.
    const run = spawnSync(
      'sh',
      [
        '-c',
        `"${process.execPath}" bin/sheaf.js --library "${file}" export --format digest-html | head -c 100`,
      ],
      { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, SHEAF_LIBRARY: '' }, timeout: 60_000 },
    );
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(run.stderr).toBe('');
  });
});
