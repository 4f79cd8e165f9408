import { describe, expect, it } from 'vitest';
import {
  formatDigestDate,
  parseDateLine,
  resolveDigestDate,
  toPartialIsoDate,
} from '../../../../../src/main/core/formats/digest/shared/dates';
import { parseArxivId, parseDoi } from '../../../../../src/main/core/formats/digest/shared/ids';
import {
  authorsFromList,
  splitAuthorList,
  splitPersonName,
} from '../../../../../src/main/core/formats/digest/shared/names';
import { decodeTexAccents } from '../../../../../src/main/core/formats/digest/shared/tex';

describe('splitPersonName', () => {
  const cases: [string, object][] = [
    ['Yuxian Gu', { family: 'Gu', given: 'Yuxian' }],
    ['Johannes van der Waals', { family: 'Waals', given: 'Johannes', prefix: 'van der' }],
    ['Juan de la Cruz', { family: 'Cruz', given: 'Juan', prefix: 'de la' }],
    ['Ludwig von Beethoven', { family: 'Beethoven', given: 'Ludwig', prefix: 'von' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Martin Luther King, Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Smith, John', { family: 'Smith', given: 'John' }],
    ['van der Waals, Johannes', { family: 'Waals', given: 'Johannes', prefix: 'van der' }],
    ['King, Jr., Martin Luther', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Aristotle', { family: 'Aristotle' }],
    ['Zoë Ångström', { family: 'Ångström', given: 'Zoë' }],
    ['José María García-López', { family: 'García-López', given: 'José María' }],
    ['Henry Ford III', { family: 'Ford', given: 'Henry', suffix: 'III' }],
  ];
  for (const [name, expected] of cases) {
    it(`splits ${name}`, () => expect(splitPersonName(name)).toEqual({ role: 'author', ...expected }));
  }

  it('keeps organisations whole', () => {
    expect(splitPersonName('The ATLAS Collaboration')).toEqual({
      role: 'author',
      literal: 'The ATLAS Collaboration',
    });
    expect(splitPersonName('Qwen Team')).toEqual({ role: 'author', literal: 'Qwen Team' });
  });
});

describe('splitAuthorList', () => {
  it('splits on commas and "and", drops affiliations, keeps Jr. with its name', () => {
    expect(
      splitAuthorList(
        'Alice Smith (MIT), Bob Jones (1 and 2) ((1) CERN, (2) Oxford), Martin Luther King, Jr. and Ada Lovelace',
      ),
    ).toEqual({
      names: ['Alice Smith', 'Bob Jones', 'Martin Luther King, Jr.', 'Ada Lovelace'],
      etAl: false,
    });
  });

  it('handles ", and", "&", semicolons and "et al."', () => {
    expect(splitAuthorList('A. One, B. Two, and C. Three')).toEqual({
      names: ['A. One', 'B. Two', 'C. Three'],
      etAl: false,
    });
    expect(splitAuthorList('A. One & B. Two; C. Three et al.')).toEqual({
      names: ['A. One', 'B. Two', 'C. Three'],
      etAl: true,
    });
    expect(splitAuthorList('A. One, B. Two, et al.')).toEqual({ names: ['A. One', 'B. Two'], etAl: true });
  });

  it('does not split inside names that contain "and"', () => {
    expect(authorsFromList('Alexander Anderson and Fernando Sandoval').creators).toEqual([
      { role: 'author', family: 'Anderson', given: 'Alexander' },
      { role: 'author', family: 'Sandoval', given: 'Fernando' },
    ]);
  });
});

describe('decodeTexAccents', () => {
  it('decodes the accents arXiv mails use in names', () => {
    expect(decodeTexAccents('J\\"org Tiedemann')).toBe('Jörg Tiedemann');
    expect(decodeTexAccents("Jos\\'e Mar\\'{\\i}a")).toBe('José María');
    expect(decodeTexAccents('{\\c C}a\\u{g}lar G\\"ul\\c{c}ehre')).toBe('Çağlar Gülçehre');
    expect(decodeTexAccents('Pawe\\l{} \\v{S}koda, \\AA{}sa M\\o{}ller, Stra\\ss e')).toBe(
      'Paweł Škoda, Åsa Møller, Straße',
    );
    expect(decodeTexAccents('No accents here')).toBe('No accents here');
  });
});

describe('dates', () => {
  it('reads date lines in the forms digests use, and nothing else', () => {
    expect(parseDateLine('Jun 17')).toEqual({ month: 6, day: 17 });
    expect(parseDateLine('June 17, 2025')).toEqual({ month: 6, day: 17, year: 2025 });
    expect(parseDateLine('Tue, Jun 17')).toEqual({ month: 6, day: 17 });
    expect(parseDateLine('17 Jun')).toEqual({ month: 6, day: 17 });
    expect(parseDateLine('2025-06-17')).toEqual({ month: 6, day: 17, year: 2025 });
    expect(parseDateLine('Jun 31')).toBeUndefined();
    expect(parseDateLine('Junk 17')).toBeUndefined();
    expect(parseDateLine('May the force be with you')).toBeUndefined();
  });

  it('gives a month and day the most recent year not after now, or the hinted year', () => {
    const now = new Date(2025, 5, 17, 9, 0);
    expect(resolveDigestDate({ month: 6, day: 17 }, { now })).toEqual({ date: '2025-06-17', inferred: true });
    expect(resolveDigestDate({ month: 6, day: 18 }, { now })).toEqual({ date: '2024-06-18', inferred: true });
    expect(resolveDigestDate({ month: 12, day: 31 }, { now: new Date(2026, 0, 2) })).toEqual({
      date: '2025-12-31',
      inferred: true,
    });
    expect(resolveDigestDate({ month: 2, day: 29 }, { now })).toEqual({ date: '2024-02-29', inferred: true });
    expect(resolveDigestDate({ month: 6, day: 17 }, { now, yearHint: 2019 })).toEqual({
      date: '2019-06-17',
      inferred: true,
    });
    expect(resolveDigestDate({ month: 6, day: 17, year: 2020 }, { now })).toEqual({
      date: '2020-06-17',
      inferred: false,
    });
  });

  it('turns feed, mail and API dates into partial ISO dates as written (no time zone shift)', () => {
    expect(toPartialIsoDate('Fri, 14 Jun 2024 00:00:00 -0400')).toBe('2024-06-14');
    expect(toPartialIsoDate('Wed 14 Jun 23 18:00:00 GMT')).toBe('2023-06-14');
    expect(toPartialIsoDate('2023-06-14T23:59:59-05:00')).toBe('2023-06-14');
    expect(toPartialIsoDate('2023-06')).toBe('2023-06');
    expect(toPartialIsoDate('June 2023')).toBe('2023-06');
    expect(toPartialIsoDate('2023-13-01')).toBeUndefined();
    expect(toPartialIsoDate('soon')).toBeUndefined();
    expect(formatDigestDate('2025-06-17')).toBe('Jun 17, 2025');
  });
});

describe('identifiers', () => {
  it('finds bare arXiv ids and versions in every shape', () => {
    expect(parseArxivId('arXiv:2306.08543v2')).toEqual({ id: '2306.08543', version: 'v2' });
    expect(parseArxivId('https://arxiv.org/abs/2306.08543')).toEqual({ id: '2306.08543' });
    expect(parseArxivId('oai:arXiv.org:2306.08543v1')).toEqual({ id: '2306.08543', version: 'v1' });
    expect(parseArxivId('http://arxiv.org/pdf/2306.08543v2.pdf')).toEqual({
      id: '2306.08543',
      version: 'v2',
    });
    expect(parseArxivId('http://arxiv.org/abs/math/0211159v1')).toEqual({
      id: 'math/0211159',
      version: 'v1',
    });
    expect(parseArxivId('0704.0001')).toEqual({ id: '0704.0001' });
    expect(parseArxivId('2306.085431')).toBeUndefined();
    expect(parseArxivId('no id here')).toBeUndefined();
  });

  it('finds bare DOIs', () => {
    expect(parseDoi('https://doi.org/10.1038/s41586-023-06185-3')).toBe('10.1038/s41586-023-06185-3');
    expect(parseDoi('doi:10.1145/3580305.3599574.')).toBe('10.1145/3580305.3599574');
    expect(parseDoi('(DOI 10.1000/xyz(1))')).toBe('10.1000/xyz(1)');
    expect(parseDoi('none')).toBeUndefined();
  });
});
