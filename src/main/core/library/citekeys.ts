// Unique citation keys: BibTeX compares keys case-insensitively, so "Smith2020" and
// "smith2020" clash; a clash gets a suffix a, b, ..., z, aa, ab, ...
import type Database from 'better-sqlite3';
import { stmt } from '../db/statements';

export function uniqueCitekey(db: Database.Database, base: string, exceptItem?: number): string {
  const taken = (key: string) =>
    stmt(db, 'SELECT 1 FROM items WHERE citekey = ? AND id IS NOT ?').get(key, exceptItem ?? null) !==
    undefined;
  if (!taken(base)) return base;
  // Suffixes are handed out in order, so the taken ones are (nearly) a run a, b, c, ...:
  // find its end by doubling then halving, in a logarithmic number of lookups, so that
  // thousands of items with the same base key stay fast.
  let low = 0;
  let high = 1;
  while (taken(base + suffix(high))) {
    low = high;
    high *= 2;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (taken(base + suffix(middle))) low = middle;
    else high = middle;
  }
  return base + suffix(high);
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
