// Synthetic libraries shaped like real ones (1-8 authors, ~80-character titles,
// ~1,500-character abstracts on half the items, 0-3 collections, some tags and notes),
// written through the same path an import uses. Deterministic for a given seed.
import type { ItemData } from '../../src/shared/domain';
import type { ParseResult } from '../../src/main/core/formats/types';
import { addToCollection, createCollection } from '../../src/main/core/library/collections';
import { Library } from '../../src/main/core/library/library';
import { createNote } from '../../src/main/core/library/notes';
import { attachTags } from '../../src/main/core/library/tags';
import { commitImport, ImportSessions } from '../../src/main/core/service/importing';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  `model models learning language large neural network networks data training method methods results
performance task tasks show propose novel framework based using efficient generation video text multimodal reasoning
agent agents benchmark evaluation dataset robust fine tuning alignment reinforcement policy graph representation
representations attention transformer transformers diffusion image images vision visual retrieval knowledge
approach approaches experiments state art existing however significantly improve improves improvement across
different various high quality scale scaling time real world human feedback instruction instructions prompt prompting`
    .split(/\s+/)
    .filter(Boolean);

const STOP = 'the of and a to in for on with by we is are that this from as an our which be can at'.split(
  ' ',
);

const SYLLABLES =
  'ka lo mi ne ra to shi van der berg son ler ova ski chen wang li zhang kim park ng ez ar el in us on an'.split(
    ' ',
  );

function word(random: () => number): string {
  const r = random();
  if (r < 0.35) return STOP[Math.floor(random() * STOP.length)]!;
  if (r < 0.8) return COMMON[Math.floor(Math.pow(random(), 1.6) * COMMON.length)]!;
  // A long tail of rarer words, Zipf-like.
  const n = Math.floor(Math.pow(random(), 3) * 40000);
  return `${SYLLABLES[n % SYLLABLES.length]}${SYLLABLES[Math.floor(n / 31) % SYLLABLES.length]}${n.toString(36)}`;
}

function sentence(random: () => number, chars: number): string {
  const words: string[] = [];
  let length = 0;
  while (length < chars) {
    const w = word(random);
    words.push(w);
    length += w.length + 1;
  }
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function familyName(random: () => number): string {
  const n = 1 + Math.floor(random() * 3);
  let name = '';
  for (let i = 0; i < n; i++) name += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function syntheticItem(random: () => number, index: number): ItemData {
  const authors = 1 + Math.floor(random() * 8);
  const year = 1990 + Math.floor(random() * 36);
  const data: ItemData = {
    type: random() < 0.6 ? 'article' : random() < 0.5 ? 'inproceedings' : 'preprint',
    title: sentence(random, 60 + Math.floor(random() * 40)),
    creators: Array.from({ length: authors }, () => ({
      role: 'author' as const,
      family: familyName(random),
      given: `${String.fromCharCode(65 + Math.floor(random() * 26))}.`,
    })),
    date: `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}`,
    container: `Journal of ${COMMON[Math.floor(random() * COMMON.length)]} ${COMMON[Math.floor(random() * COMMON.length)]}`,
    links: [],
    fields: {},
  };
  if (random() < 0.5) data.abstract = sentence(random, 1400 + Math.floor(random() * 200));
  if (random() < 0.3) data.doi = `10.${1000 + (index % 9000)}/synthetic.${index}`;
  return data;
}

export interface SyntheticOptions {
  seed?: number;
  /** Items per import step (one undo step each). */
  chunk?: number;
  collections?: number;
  onProgress?: (done: number) => void;
  /** Open the library as the app does, with WAL checkpoints on a worker (ADR 63). */
  backgroundWorkers?: boolean;
}

/** Fills `file` with `count` synthetic items; returns the seconds the imports took. */
export async function buildSyntheticLibrary(
  file: string,
  count: number,
  options: SyntheticOptions = {},
): Promise<number> {
  const random = rng(options.seed ?? 1);
  const library = Library.open(file, { backgroundWorkers: options.backgroundWorkers ?? false });
  await library.backgroundSettled(); // the worker has started (or failed to)
  const sessions = new ImportSessions();
  let importSeconds = 0;
  try {
    const chunk = options.chunk ?? 100_000;
    for (let start = 0; start < count; start += chunk) {
      const records = [];
      for (let i = start; i < Math.min(count, start + chunk); i++)
        records.push({ data: syntheticItem(random, i), line: i + 1 });
      const result: ParseResult = { format: 'synthetic', records, errors: [], warnings: [] };
      const session = sessions.add(
        { id: 'synthetic', label: 'Synthetic', extensions: [], detect: () => 0, parse: () => result },
        result,
      );
      const started = performance.now();
      await commitImport(library, session, {});
      importSeconds += (performance.now() - started) / 1000;
      options.onProgress?.(Math.min(count, start + chunk));
    }
    decorate(library, count, random, options.collections ?? 50);
  } finally {
    library.close();
  }
  return importSeconds;
}

/** Collections (0-3 per item), tags on ~10% and notes on ~2% of items. */
function decorate(library: Library, count: number, random: () => number, collectionCount: number): void {
  library.write('Organise synthetic library', () => {
    const now = library.now();
    const collections = Array.from({ length: collectionCount }, (_, i) =>
      createCollection(library.db, `Topic ${i + 1}`, null, now),
    );
    const members = new Map<number, number[]>();
    for (let id = 1; id <= count && collections.length > 0; id++) {
      const n = Math.floor(random() * 4);
      for (let k = 0; k < n; k++) {
        const c = collections[Math.floor(random() * collections.length)]!;
        let list = members.get(c);
        if (!list) members.set(c, (list = []));
        list.push(id);
      }
    }
    for (const [c, ids] of members) addToCollection(library.db, c, ids, now);
    const tags = ['to-read', 'important', 'reviewed', 'method', 'dataset'];
    for (const tag of tags) {
      const ids: number[] = [];
      for (let id = 1; id <= count; id++) if (random() < 0.02) ids.push(id);
      attachTags(library.db, ids, [tag]);
    }
    for (let id = 1; id <= count; id++) {
      if (random() < 0.02)
        createNote(library.db, id, `# Note on item ${id}\n\n${sentence(random, 300)}`, now);
    }
  });
}
