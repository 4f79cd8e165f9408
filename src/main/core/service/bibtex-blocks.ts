// File-level BibTeX material (@preamble, @string, @comment) has no item of its own.
// Imports keep it per library so that a whole-library export can write it back.
import type { ParseResult } from '../formats/types';
import type { Library } from '../library/library';

export interface BibtexBlocks {
  preambles: string[];
  strings: Record<string, string>;
  comments: string[];
}

const SETTING = 'bibtex.blocks';
const MAX_BLOCKS = 10_000;

export function bibtexBlocks(library: Library): BibtexBlocks {
  const stored = library.setting(SETTING);
  if (!stored) return { preambles: [], strings: {}, comments: [] };
  const parsed = JSON.parse(stored) as Partial<BibtexBlocks>;
  return {
    preambles: parsed.preambles ?? [],
    strings: { ...(parsed.strings ?? {}) },
    comments: parsed.comments ?? [],
  };
}

export function saveBibtexBlocks(library: Library, result: ParseResult): void {
  if (!result.preambles?.length && !result.comments?.length && !Object.keys(result.strings ?? {}).length)
    return;
  const blocks = bibtexBlocks(library);
  const add = (list: string[], items: string[] | undefined) => {
    for (const item of items ?? []) if (!list.includes(item) && list.length < MAX_BLOCKS) list.push(item);
  };
  add(blocks.preambles, result.preambles);
  add(blocks.comments, result.comments);
  for (const [name, value] of Object.entries(result.strings ?? {})) {
    if (Object.keys(blocks.strings).length >= MAX_BLOCKS) break;
    if (!Object.hasOwn(blocks.strings, name)) blocks.strings[name] = value;
  }
  library.setSetting(SETTING, JSON.stringify(blocks));
}
