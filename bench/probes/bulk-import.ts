// One import of COUNT synthetic items into an empty library, with optional FTS5 settings, and
// a few searches on the result: node bin/run-ts.js bench/probes/bulk-import.ts [COUNT] [hashsize=N ...]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Library } from '../../src/main/core/library/library';
import { buildSyntheticLibrary } from '../lib/synthetic';
const count = Number(process.argv[2] ?? 100000);
const cfg = process.argv.slice(3);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-'));
const file = path.join(dir, 'b.sqlite');
const l0 = Library.open(file);
for (const c of cfg) {
  const [k, v] = c.split('=');
  l0.db.prepare(`INSERT INTO search(search, rank) VALUES ('${k}', ${Number(v)})`).run();
}
l0.close();
const s = await buildSyntheticLibrary(file, count, {
  collections: 0,
  backgroundWorkers: !process.env.NOBG,
});
const l = Library.open(file);
const qs: string[] = [];
const search = (q: string) =>
  l.lists.window({
    view: { kind: 'library' },
    search: q,
    sort: { field: 'added', direction: 'desc' },
    offset: 0,
    limit: 100,
  });
for (const q of ['model', 'm', 'the', '"neural network"', 'attention transformer', 'ka', 'kalo*']) {
  search(q);
  const t = performance.now();
  for (let i = 0; i < 5; i++) {
    search(q);
    l.lists.count({ kind: 'library' }, q);
  }
  qs.push(`${q}: ${((performance.now() - t) / 5).toFixed(1)}`);
}
console.log(
  `${cfg.join(',') || 'default'}: ${count} items import ${s.toFixed(2)} s; search+count ms ${qs.join(', ')}; ${(fs.statSync(file).size / 1e6) | 0} MB`,
);
l.close();
fs.rmSync(dir, { recursive: true });
