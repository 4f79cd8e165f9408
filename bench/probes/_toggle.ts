import fs from 'node:fs';
import { Library } from '../../src/main/core/library/library';
import { LibraryHost } from '../../src/main/api/host';
import { dispatch } from '../../src/main/api/dispatch';
import { handlers } from '../../src/main/api/handlers';
import { cachedLibraryPath } from '../lib/libraries';
const size = Number(process.argv[2] ?? 100000);
const pragmas = process.argv.slice(3);
const file = cachedLibraryPath(size);
const copy = `${file}.toggle.sqlite`;
for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
fs.copyFileSync(file, copy);
const fd = fs.openSync(copy, 'r+');
fs.fsyncSync(fd);
fs.closeSync(fd);
const library = Library.open(copy);
for (const p of pragmas) library.db.pragma(p);
const host = new LibraryHost(library, {});
const itemIds = Array.from({ length: 10_000 }, (_, i) => 1 + Math.floor((i * size) / 10_000));
const collection = (await dispatch(handlers, host, 'collections.create', {
  name: 'Bench',
  parentId: null,
})) as any;
const call = async (method: string, args: unknown) => {
  const t = performance.now();
  const r = await dispatch(handlers, host, method, args);
  if (!r.ok) throw new Error(r.error.message);
  return (performance.now() - t).toFixed(0);
};
const out: string[] = [];
for (let round = 0; round < (process.env.ONCE ? 1 : 2); round++) {
  if (process.env.ONCE) {
    out.push('add ' + (await call('collections.addItems', { id: collection.value.id, itemIds })));
    break;
  }
  out.push('add ' + (await call('collections.addItems', { id: collection.value.id, itemIds })));
  out.push('undo ' + (await call('history.undo', {})));
  out.push('redo ' + (await call('history.redo', {})));
  out.push('remove ' + (await call('collections.removeItems', { id: collection.value.id, itemIds })));
  out.push('undo ' + (await call('history.undo', {})));
  out.push('|');
}
console.log(pragmas.join(',') || 'default', out.join(' '));
host.close();
for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
