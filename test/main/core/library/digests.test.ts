// Digests: a record of each imported digest (source, its own date, when it was imported)
// and the ordered papers it carried; one paper can be in many digests.
import { describe, expect, it } from 'vitest';
import type { ViewSpec } from '../../../../src/shared/views';
import { importFixture } from '../../../support/imports';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('digests');

const titlesOf = async (api: Api, view: ViewSpec, field: 'position' | 'title' = 'position') => {
  const ids = api.library.lists.windowIds({ view, sort: { field, direction: 'asc' }, offset: 0, limit: 100 });
  return api.library.lists.rows(ids, []).map((row) => row.title);
};

describe('digests', () => {
  it('keep their source, their own date, the import time, and their papers in order', async () => {
    const api = temp.host();
    const report = await importFixture(api, 'digest-jun16.txt');
    expect(report.added).toBe(3);
    expect(report.digest).toMatchObject({
      source: 'hf-text',
      date: '2026-06-16',
      imported: new Date(api.clock.ms).toISOString(),
      itemCount: 3,
    });
    const view = { kind: 'digest', id: report.digest!.id } as const;
    expect(await titlesOf(api, view)).toEqual([
      'Vision Transformers Need Registers',
      'Scaling Laws for Neural Language Models',
      'Gödel Machines: Self-Referential Universal Problem Solvers',
    ]);
    // The same papers in another order on request.
    expect((await titlesOf(api, view, 'title'))[0]).toBe(
      'Gödel Machines: Self-Referential Universal Problem Solvers',
    );
  });

  it('share papers: a paper already in the library joins the new digest at its place there', async () => {
    const api = temp.host();
    const first = await importFixture(api, 'digest-jun16.txt');
    api.clock.tick(86_400_000);
    const second = await importFixture(api, 'digest-jun17.txt');
    expect(second).toMatchObject({ added: 1, duplicates: 1 });
    expect(await titlesOf(api, { kind: 'digest', id: second.digest!.id })).toEqual([
      'Flash Attention: Fast and Memory-Efficient Exact Attention',
      'Vision Transformers Need Registers',
    ]);
    const shared = first.itemIds[0]!;
    expect(second.itemIds[1]).toBe(shared);
    const detail = await api.call('items.get', { id: shared });
    expect(detail.digests.map((d) => [d.date, d.position])).toEqual([
      ['2026-06-17', 1],
      ['2026-06-16', 0],
    ]);
    expect((await api.call('digests.list', {})).map((d) => [d.date, d.itemCount])).toEqual([
      ['2026-06-17', 2],
      ['2026-06-16', 3],
    ]);
  });

  it('are recorded once when the same digest is imported again, which then changes nothing', async () => {
    const api = temp.host();
    const first = await importFixture(api, 'digest-jun16.txt');
    const before = snapshot(api.library.db);
    const steps = api.library.historySteps().length;
    api.clock.tick(60_000);
    const again = await importFixture(api, 'digest-jun16.txt');
    expect(again).toMatchObject({ added: 0, duplicates: 3, updated: 0 });
    expect(again.digest?.id).toBe(first.digest?.id);
    expect(await api.call('digests.list', {})).toHaveLength(1);
    expect(snapshot(api.library.db)).toEqual(before);
    expect(api.library.historySteps()).toHaveLength(steps);
  });

  it("count only papers not in the trash, and keep a trashed paper's place for its return", async () => {
    const api = temp.host();
    const report = await importFixture(api, 'digest-jun16.txt');
    const id = report.digest!.id;
    await api.call('items.trash', { ids: [report.itemIds[1]!] });
    expect((await api.call('digests.list', {}))[0]!.itemCount).toBe(2);
    expect(await titlesOf(api, { kind: 'digest', id })).toHaveLength(2);
    await api.call('items.restore', { ids: [report.itemIds[1]!] });
    expect((await titlesOf(api, { kind: 'digest', id }))[1]).toBe('Scaling Laws for Neural Language Models');
  });

  it('can be re-dated, deleted to the trash (their papers stay) and restored', async () => {
    const api = temp.host();
    const report = await importFixture(api, 'digest-jun16.txt');
    const id = report.digest!.id;
    await api.call('digests.setDate', { id, date: '2026-06-15' });
    expect((await api.call('digests.list', {}))[0]!.date).toBe('2026-06-15');
    expect((await api.failure('digests.setDate', { id, date: 'June' })).code).toBe('invalid-argument');
    await api.call('digests.trash', { id });
    expect(await api.call('digests.list', {})).toEqual([]);
    expect((await api.call('trash.contents', {})).digests.map((d) => d.id)).toEqual([id]);
    expect((await api.call('library.info', {})).itemCount).toBe(3);
    expect((await api.call('items.get', { id: report.itemIds[0]! })).digests).toEqual([]);
    await api.call('digests.restore', { id });
    expect((await api.call('digests.list', {})).map((d) => d.itemCount)).toEqual([3]);
    expect((await api.failure('digests.trash', { id: 999 })).code).toBe('not-found');
  });
});
