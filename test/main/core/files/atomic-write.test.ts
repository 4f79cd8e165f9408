// Atomic file writes: the whole new text or the old file, never a mix, and no temporary
// file left behind; the sliced writer writes exactly what the one-pass writer does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  interleaved,
  textChunks,
  utf8Blocks,
  writeFileAtomic,
  writeFileAtomicInSlices,
} from '../../../../src/main/core/files/atomic-write';
import { SheafError } from '../../../../src/main/core/errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-atomic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshFile = () => path.join(dir, `out-${++files}.bib`);
const leftovers = () => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('interleaved', () => {
  it('adds up to the joined text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), (parts) => {
        expect([...interleaved(parts, '\n\n', '\n')].join('')).toBe(
          parts.length ? `${parts.join('\n\n')}\n` : '',
        );
      }),
    );
  });
});

describe('utf8Blocks', () => {
  it("is the pieces' own UTF-8, in blocks no larger than asked unless one piece is", () => {
    fc.assert(
      fc.property(
        // Whole characters per piece (an export never cuts one), of one to four bytes each.
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        (pieces, blockBytes) => {
          const blocks = Array.from(utf8Blocks(pieces, blockBytes), (block) => Buffer.from(block));
          expect(Buffer.concat(blocks)).toEqual(Buffer.from(pieces.join('')));
          const largest = Math.max(0, ...pieces.map((piece) => Buffer.byteLength(piece)));
          for (const block of blocks) expect(block.length).toBeLessThanOrEqual(Math.max(blockBytes, largest));
          expect(blocks.every((block) => block.length > 0)).toBe(true);
        },
      ),
    );
  });

  it('writes a lone surrogate as U+FFFD, as writing the joined text would', () => {
    const pieces = ['a\ud800', 'b'];
    const blocks = Array.from(utf8Blocks(pieces), (block) => Buffer.from(block));
    expect(Buffer.concat(blocks)).toEqual(Buffer.from(pieces.join('')));
  });
});

describe('textChunks', () => {
  it('adds up to the text and never cuts a character written as two UTF-16 units', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.integer({ min: 1, max: 9 }),
        (text, size) => {
          const chunks = [...textChunks(text, size)];
          expect(chunks.join('')).toBe(text);
          // Each chunk encodes alone: together they are the text's own UTF-8.
          expect(Buffer.concat(chunks.map((chunk) => Buffer.from(chunk)))).toEqual(Buffer.from(text));
        },
      ),
    );
  });
});

describe('writeFileAtomicInSlices', () => {
  it('writes the chunks in order, replacing the old file', async () => {
    const file = freshFile();
    fs.writeFileSync(file, 'old text');
    await writeFileAtomicInSlices(file, ['@misc{a,\n}', '\n\n', 'é ü 日本', '\n']);
    expect(fs.readFileSync(file, 'utf8')).toBe('@misc{a,\n}\n\né ü 日本\n');
    expect(leftovers()).toEqual([]);
  });

  it('leaves the old file whole when the text fails midway, and removes its temporary file', async () => {
    const file = freshFile();
    fs.writeFileSync(file, 'the previous export');
    function* failing() {
      yield 'half of a new export';
      throw new Error('rendering failed');
    }
    const failure = await writeFileAtomicInSlices(file, failing()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SheafError);
    expect((failure as SheafError).message).toContain(file);
    expect((failure as SheafError).message).toContain('The previous file is unchanged');
    expect(fs.readFileSync(file, 'utf8')).toBe('the previous export');
    expect(leftovers()).toEqual([]);
  });

  it('says where and why it could not write', async () => {
    const file = path.join(dir, 'no-such-folder', 'out.bib');
    await expect(writeFileAtomicInSlices(file, ['text'])).rejects.toThrow(
      new RegExp(`Could not write ${file.replace(/[.\\]/g, '\\$&')}: ENOENT`),
    );
    expect(() => writeFileAtomic(file, 'text')).toThrow(/ENOENT/);
  });
});

describe('writeFileAtomic', () => {
  it('writes pieces as their joined text, over blocks, and leaves the old file whole when they fail', () => {
    const file = freshFile();
    // About 7 MB: more than one 4 MB block, with characters of every UTF-8 length.
    const pieces = Array.from({ length: 150_000 }, (_, i) => `@misc{k${i}, title = {é 日本 😀 ${i}}}`);
    writeFileAtomic(file, interleaved(pieces, '\n\n', '\n'));
    expect(fs.readFileSync(file, 'utf8')).toBe(`${pieces.join('\n\n')}\n`);
    function* failing() {
      yield* pieces;
      throw new Error('rendering failed');
    }
    expect(() => writeFileAtomic(file, failing())).toThrow(/The previous file is unchanged/);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${pieces.join('\n\n')}\n`);
    expect(leftovers()).toEqual([]);
  });
});
