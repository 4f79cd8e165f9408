// Every parser the library registers (digest text, Hugging Face JSON and HTML, arXiv
// listing mails, feeds, RIS, CSL-JSON, and BibTeX once formats/all.ts registers it), fed
// random text, its own syntax shuffled, and its real fixtures cut, repeated and spliced:
// it returns a result whose every issue has a position inside the input, or fails with a
// SheafError, never with anything else; and its time grows linearly with the input (the
// time on 4x the input against 1x, so a busy machine does not matter but quadratic or
// exponential behaviour does).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SheafError } from '../../src/main/core/errors';
import type { ImportFormat, ParseResult } from '../../src/main/core/formats/types';
import { growthRatio } from '../main/core/formats/digest/timing';
import { announceSeed, runSeed, SOAK } from './support/env';
import { builtInFormats } from './support/formats';
import { FRAGMENTS, fixtureTexts } from './support/fragments';

const seed = runSeed();
const RUNS = SOAK ? 3000 : 150;
const GROWTH_RUNS = SOAK ? 60 : 6;
const TIMEOUT = SOAK ? 1_200_000 : 120_000;
const { imports } = builtInFormats();
announceSeed('parser-fuzz', seed, `formats: ${imports.map((f) => f.id).join(', ')}`);

/** Text aimed at `format`: its syntax in random order, random Unicode, mutated fixtures. */
function inputs(format: string): fc.Arbitrary<string> {
  const own = FRAGMENTS[format] ?? [];
  const all = Object.values(FRAGMENTS).flat();
  const soup = (tokens: string[]) =>
    fc
      .array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 8 })), { maxLength: 80 })
      .map((p) => p.join(''));
  const options: fc.Arbitrary<string>[] = [
    soup(own),
    soup(all),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
  ];
  const fixtures = fixtureTexts(format);
  if (fixtures.length) {
    const fixture = fc.constantFrom(...fixtures);
    options.push(
      // Cut short, anywhere.
      fc
        .tuple(fixture, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([t, at]) => t.slice(0, Math.floor(t.length * at))),
      // A piece removed, or repeated, or a fragment spliced in.
      fc
        .tuple(fixture, fc.nat(), fc.nat({ max: 400 }), fc.constantFrom('', ...own, ...all), fc.boolean())
        .map(([t, at, length, insert, repeat]) => {
          const i = at % (t.length + 1);
          const piece = t.slice(i, i + length);
          return t.slice(0, i) + insert + (repeat ? piece + piece : '') + t.slice(i + length);
        }),
    );
  }
  return fc.oneof(...options);
}

/** Parses; the answer must be a result with sound issues, or a SheafError. Returns the parse time. */
function checkResult(format: ImportFormat, text: string, run: () => ParseResult): number {
  let result: ParseResult;
  const started = performance.now();
  try {
    result = run();
  } catch (error) {
    if (error instanceof SheafError) return performance.now() - started;
    throw new Error(`${format.id} threw ${String(error)} on ${JSON.stringify(text.slice(0, 200))}`, {
      cause: error,
    });
  }
  const took = performance.now() - started;
  expect(Array.isArray(result.records)).toBe(true);
  const lines = text.split(/\r\n|\r|\n/).length;
  // Plain checks, one expect at the end: an input may earn a million issues.
  const bad = [...result.errors, ...result.warnings].find(
    (issue) =>
      !Number.isInteger(issue.line) ||
      issue.line < 1 ||
      issue.line > lines + 1 ||
      !Number.isInteger(issue.column) ||
      issue.column < 1 ||
      typeof issue.message !== 'string' ||
      issue.message.length === 0,
  );
  expect(bad, `an issue without a sound position or message (${lines} lines)`).toBeUndefined();
  const badRecord = result.records.find(
    (record) =>
      typeof record.data.title !== 'string' ||
      !Number.isInteger(record.line) ||
      record.line < 1 ||
      record.line > lines + 1,
  );
  expect(badRecord, 'a record without a title or a sound line').toBeUndefined();
  return took;
}

describe.each(imports.map((format) => [format.id, format] as const))('%s parser', (id, format) => {
  it(
    'returns a result with positioned issues, or a typed error, for any input',
    () => {
      fc.assert(
        fc.property(inputs(id), (text) => {
          const confidence = format.detect(text);
          expect(confidence >= 0 && confidence <= 1).toBe(true);
          checkResult(format, text, () =>
            format.parse(text, { yearHint: 2025, now: new Date('2025-07-01') }),
          );
        }),
        { numRuns: RUNS, seed },
      );
    },
    TIMEOUT,
  );

  it(
    'takes time in proportion to the input (4x the input, about 4x the time)',
    () => {
      const own = FRAGMENTS[id] ?? [];
      const unit = fc
        .array(fc.constantFrom(...own, 'x', ' ', 'a b'), { minLength: 1, maxLength: 12 })
        .map((p) => p.join(''));
      fc.assert(
        fc.property(unit, (piece) => {
          const repeatsFor = (size: number) => Math.max(1, Math.ceil(size / piece.length));
          const ratio = growthRatio(
            (size) => piece.repeat(repeatsFor(size)),
            (text) => format.parse(text),
            30_000,
          );
          // Linear work gives about 4; quadratic gives about 16.
          expect(ratio, `parse time grew ${ratio.toFixed(1)}x for 4x ${JSON.stringify(piece)}`).toBeLessThan(
            9,
          );
        }),
        { numRuns: GROWTH_RUNS, seed },
      );
    },
    TIMEOUT,
  );
});

describe('inputs that break naive parsers', () => {
  const cases: Record<string, string> = {
    'deeply nested braces': `@article{k, title = {${'{'.repeat(50_000)}x${'}'.repeat(50_000)}}}`,
    'deeply nested JSON': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    'deeply nested XML': `<rss><channel>${'<item>'.repeat(20_000)}${'</item>'.repeat(20_000)}</channel></rss>`,
    'entity expansion (billion laughs)': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
    ).join('')}]><rss><channel><item><title>&lol9;</title></item></channel></rss>`,
    'a 1 MB line': 'x'.repeat(1_000_000),
    'a million line breaks': '\n'.repeat(1_000_000),
    'a million unclosed quotes': '"'.repeat(1_000_000),
    'a million @ signs': '@'.repeat(1_000_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(
      `every parser answers ${name} quickly, without throwing`,
      () => {
        for (const format of imports) {
          const took = checkResult(format, text, () => format.parse(text));
          // Generous: these are 0.1-1 MB inputs; a blow-up takes minutes or runs out of memory.
          expect(took, `${format.id} on ${name}`).toBeLessThan(SOAK ? 20_000 : 10_000);
        }
      },
      TIMEOUT,
    );
  }
});
