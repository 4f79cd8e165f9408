// Unique citation keys: BibTeX compares keys case-insensitively, so "Smith2020" and
// "smith2020" clash; a clash gets the first free suffix a, b, ..., z, aa, ab, ...
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';

export function uniqueCitekey(db: Database.Database, base: string, exceptItem?: number): string {
  const taken = new Set(
    (
      stmt(
        db,
        `SELECT lower(citekey) FROM items
          WHERE citekey >= ? COLLATE NOCASE AND citekey < ? COLLATE NOCASE AND id IS NOT ?`,
      )
        .pluck()
        .all(base, `${base}\u{10ffff}`, exceptItem ?? null) as string[]
    ).map(String),
  );
  const lower = base.toLowerCase();
  if (!taken.has(lower)) return base;
  for (let n = 1; ; n++) {
    const candidate = base + suffix(n);
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** 1 -> a, 26 -> z, 27 -> aa ... */
function suffix(n: number): string {
  let s = '';
  while (n > 0) {
    n--;
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}
