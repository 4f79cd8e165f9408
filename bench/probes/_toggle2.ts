import fs from 'node:fs';
import Database from 'better-sqlite3';
import { cachedLibraryPath } from '../lib/libraries';
const size = Number(process.argv[2] ?? 100000);
const variant = process.argv[3] ?? 'as-is';
const file = cachedLibraryPath(size);
const copy = `${file}.toggle2.sqlite`;
for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
fs.copyFileSync(file, copy);
const fd = fs.openSync(copy, 'r+');
fs.fsyncSync(fd);
fs.closeSync(fd);
const db = new Database(copy);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('cache_size = -32768');
if (variant === 'no-trigger') db.exec('DROP TRIGGER count_membership_insert');
if (variant === 'no-item-index') db.exec('DROP INDEX collection_items_by_item');
const itemIds = Array.from({ length: 10_000 }, (_, i) => 1 + Math.floor((i * size) / 10_000));
db.prepare(
  "INSERT INTO collections(key, name, parent_id, position, created, modified) VALUES ('BBBB', 'B', NULL, 0, 0, 0)",
).run();
const cid = db.prepare('select max(id) from collections').pluck().get();
const t = performance.now();
db.transaction(() =>
  db
    .prepare(
      'INSERT OR IGNORE INTO collection_items(collection_id, item_id, added) SELECT ?, value, 0 FROM json_each(?) ORDER BY value',
    )
    .run(cid, JSON.stringify(itemIds)),
)();
const t1 = performance.now();
console.log(variant, 'insert+commit', (t1 - t).toFixed(0), 'ms');
db.close();
for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
