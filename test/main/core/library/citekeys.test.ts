// Citation keys: made once from a formula (Better BibTeX's default shape), stable after,
// unique without regard to case (suffix a, b, ...), regenerated only on request, and
// kept from imports (clashes disambiguated and reported).
import { describe, expect, it } from 'vitest';
import { compileFormula, DEFAULT_CITEKEY_FORMULA } from '../../../../src/main/core/library/citekey-pattern';
import type { ItemData } from '../../../../src/shared/domain';
import { ATTENTION, GODEL, paper } from '../../../support/items';
import { snapshot } from '../../../support/snapshot';
import { tempLibraries, type Api } from '../../../support/temp-library';

const temp = tempLibraries('citekeys');

const keyOf = (data: ItemData) => compileFormula(DEFAULT_CITEKEY_FORMULA).generate(data);

async function importCsl(api: Api, records: object[]) {
  const preview = await api.call('import.preview', {
    input: { text: JSON.stringify(records), name: 'refs.json' },
  });
  return api.call('import.commit', { previewId: preview.id });
}

describe('the default citation key formula (auth.lower + shorttitle(3,3) + year)', () => {
  it('is first author, three capitalised title words without function words, and the year', () => {
    expect(DEFAULT_CITEKEY_FORMULA).toBe('auth.lower + shorttitle(3,3) + year');
    expect(keyOf(ATTENTION)).toBe('vaswaniAttentionAllYou2017');
    expect(
      keyOf(paper({ title: 'On the Origin of Species', authors: ['Darwin, Charles'], date: '1859' })),
    ).toBe('darwinOriginSpecies1859');
  });

  it('folds accents to ASCII', () => {
    expect(keyOf(GODEL)).toBe('godelUberFormalUnentscheidbare1931');
  });

  it('falls back sensibly: no year, no author (title first, in lower camel case), an organisation, nothing at all', () => {
    expect(keyOf({ ...ATTENTION, date: undefined })).toBe('vaswaniAttentionAllYou');
    expect(keyOf(paper({ title: 'LLM Unlearning Should Be Form-Independent', date: '2025' }))).toBe(
      'llmUnlearningShould2025',
    );
    expect(keyOf(paper({ title: 'Global Tuberculosis Report', authors: ['WHO'], date: '2020' }))).toBe(
      'whoGlobalTuberculosisReport2020',
    );
    expect(
      keyOf({
        ...paper({ title: 'Handbook of Logic', date: '2001' }),
        creators: [{ role: 'editor', family: 'Gabbay' }],
      }),
    ).toBe('gabbayHandbookLogic2001');
    expect(keyOf(paper({ title: '???' }))).toBe('');
  });

  it('accepts other formulas with alternatives, and rejects unknown functions and filters with a clear error', () => {
    const formula = compileFormula('authors(2) + year | title');
    expect(
      formula.generate(paper({ title: 'X', authors: ['Smith, A', 'Jones, B', 'Lee, C'], date: '2020' })),
    ).toBe('SmithJones2020');
    expect(formula.generate(paper({ title: 'Only A Title' }))).toBe('onlyATitle');
    expect(() => compileFormula('auth + nonsense')).toThrow(/unknown function "nonsense"/);
    expect(() => compileFormula('auth.shout')).toThrow(/unknown filter ".shout"/);
  });
});

describe('citation keys in the library', () => {
  it('are assigned on create, and a clash gets the first free suffix a, b, ...', async () => {
    const api = temp.host();
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) keys.push((await api.call('items.create', { data: ATTENTION })).citekey);
    expect(keys).toEqual([
      'vaswaniAttentionAllYou2017',
      'vaswaniAttentionAllYou2017a',
      'vaswaniAttentionAllYou2017b',
    ]);
  });

  it('clash without regard to case, like BibTeX keys', async () => {
    const api = temp.host();
    const upper = await api.call('items.create', {
      data: { ...ATTENTION, citekey: 'VASWANIATTENTIONALLYOU2017' },
    });
    expect(upper.citekey).toBe('VASWANIATTENTIONALLYOU2017');
    const generated = await api.call('items.create', { data: ATTENTION });
    expect(generated.citekey).toBe('vaswaniAttentionAllYou2017a');
  });

  it('go on past z with aa, ab, ...', async () => {
    const api = temp.host();
    const keys: string[] = [];
    for (let i = 0; i < 29; i++)
      keys.push((await api.call('items.create', { data: paper({ title: 'Same' }) })).citekey);
    expect(keys.slice(25)).toEqual(['samey', 'samez', 'sameaa', 'sameab']);
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(29);
  });

  it('stay as they are when the item is edited', async () => {
    const api = temp.host();
    const item = await api.call('items.create', { data: ATTENTION });
    const edited = await api.call('items.update', {
      id: item.id,
      patch: {
        title: 'Completely Different',
        creators: [{ role: 'author', family: 'Someone' }],
        date: '2020',
      },
    });
    expect(edited.citekey).toBe('vaswaniAttentionAllYou2017');
  });

  it('are regenerated on request only, and an item whose key already fits keeps it', async () => {
    const api = temp.host();
    const a = await api.call('items.create', { data: ATTENTION });
    const b = await api.call('items.create', { data: GODEL });
    await api.call('items.update', { id: a.id, patch: { date: '2018' } });
    expect((await api.call('items.get', { id: a.id })).citekey).toBe('vaswaniAttentionAllYou2017');
    const result = await api.call('items.regenerateCitekeys', { ids: [a.id, b.id] });
    expect(result.changed).toBe(1);
    expect(await api.call('items.citekeys', { ids: [a.id, b.id] })).toEqual([
      'vaswaniAttentionAllYou2018',
      'godelUberFormalUnentscheidbare1931',
    ]);
    await api.call('history.undo', {});
    expect(await api.call('items.citekeys', { ids: [a.id] })).toEqual(['vaswaniAttentionAllYou2017']);
  });

  it('follow a configured formula for new items only', async () => {
    const api = temp.host();
    const before = await api.call('items.create', { data: ATTENTION });
    const settings = await api.call('settings.set', { citekeyFormula: 'auth + year' });
    expect(settings.citekeyFormula).toBe('auth + year');
    const after = await api.call('items.create', { data: ATTENTION });
    expect(after.citekey).toBe('Vaswani2017');
    expect((await api.call('items.get', { id: before.id })).citekey).toBe('vaswaniAttentionAllYou2017');
    // The formula is kept in the library, so it survives a restart.
    const file = api.library.file;
    api.host.close();
    const again = temp.host(file);
    expect((await again.call('settings.get', {})).citekeyFormula).toBe('auth + year');
    expect((await again.call('items.create', { data: GODEL })).citekey).toBe('Godel1931');
  });

  it('refuse a bad formula and keep the current one', async () => {
    const api = temp.host();
    const failure = await api.failure('settings.set', { citekeyFormula: 'auth + bogus(3)' });
    expect(failure.code).toBe('invalid-argument');
    expect(failure.message).toMatch(/bogus/);
    expect((await api.call('settings.get', {})).citekeyFormula).toBe(DEFAULT_CITEKEY_FORMULA);
  });

  it("may be edited by hand, but not onto another item's key (in any case)", async () => {
    const api = temp.host();
    const a = await api.call('items.create', { data: ATTENTION });
    const b = await api.call('items.create', { data: GODEL });
    expect((await api.call('items.update', { id: a.id, patch: { citekey: 'attention' } })).citekey).toBe(
      'attention',
    );
    const before = snapshot(api.library.db);
    const clash = await api.failure('items.update', {
      id: b.id,
      patch: { citekey: 'ATTENTION', title: 'Renamed' },
    });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toMatch(/"ATTENTION" is already used/);
    expect(snapshot(api.library.db)).toEqual(before);
    const bad = await api.failure('items.update', { id: b.id, patch: { citekey: 'has space' } });
    expect(bad.code).toBe('invalid-argument');
  });

  it('from an import are kept; clashes are disambiguated and reported with their line', async () => {
    const api = temp.host();
    await api.call('items.create', { data: { ...GODEL, citekey: 'Smith2020' } });
    const report = await importCsl(api, [
      {
        id: 'smith2020',
        type: 'article-journal',
        title: 'First imported',
        issued: { 'date-parts': [[2020]] },
      },
      { id: 'myOwnKey', type: 'article-journal', title: 'Second imported' },
      { id: 'myownkey', type: 'article-journal', title: 'Third imported' },
    ]);
    expect(report.added).toBe(3);
    expect(await api.call('items.citekeys', { ids: report.itemIds })).toEqual([
      'smith2020a',
      'myOwnKey',
      'myownkeya',
    ]);
    const renamed = report.warnings.filter((w) => /already used/.test(w.message));
    expect(renamed.map((w) => w.entry)).toEqual(['smith2020', 'myownkey']);
    expect(renamed[0]!.message).toBe(
      'citation key "smith2020" is already used in the library; imported as "smith2020a"',
    );
    for (const warning of renamed) expect(warning.line).toBeGreaterThan(0);
  });
});
