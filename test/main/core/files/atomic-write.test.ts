// Atomic file writes: the whole new text or the old file, never a mix, and no temporary
// file left behind; the sliced writer writes exactly what the one-pass writer does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  joinedChunks,
  textChunks,
  writeFileAtomic,
  writeFileAtomicInSlices,
} from '../../../../src/main/core/files/atomic-write';
import { SheafError } from '../../../../src/main/core/errors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheaf-atomic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let files = 0;
const freshFile = () => path.join(dir, `out-${++files}.bib`);
const leftovers = () => fs.readdirSync(dir).filter((name) => name.endsWith('.tmp'));

describe('joinedChunks', () => {
  it('adds up to the joined text, whatever the chunk size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 200 }),
        (parts, chunkChars) => {
          const chunks = [...joinedChunks(parts, '\n\n', '\n', chunkChars)];
          expect(chunks.join('')).toBe(parts.length ? `${parts.join('\n\n')}\n` : '');
          // No chunk runs past the size asked for by more than one part and its separator.
          const longest = Math.max(0, ...parts.map((part) => part.length));
          for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(chunkChars + longest + 2);
        },
      ),
    );
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
