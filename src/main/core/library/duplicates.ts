// Duplicate detection: the same DOI, the same arXiv id (any version), or the same
// normalised title with compatible years. Used on insert (imports skip or merge what
// the library already has) and for the whole library on request.
import type Database from 'better-sqlite3';
import type { ItemData } from '../../../shared/domain';
import { stmt } from '../db/statements';
import { matchHash, matchKey } from '../text/fold';

export function normaliseArxiv(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return id
    .trim()
    .replace(/^arxiv:/i, '')
    .replace(/v\d+$/i, '')
    .toLowerCase();
}

export function normaliseDoi(doi: string | undefined): string | undefined {
  if (!doi) return undefined;
  return doi
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)/i, '')
    .toLowerCase();
}

/** Prefixes normaliseDoi removes, as they are written in stored DOIs. */
const DOI_FORMS = [
  '',
  'https://doi.org/',
  'http://doi.org/',
  'https://dx.doi.org/',
  'http://dx.doi.org/',
  'doi:',
];

const year = (date: string | null | undefined) => (date ? date.slice(0, 4) : undefined);

/**
 * A live item that is the same work as `data`, if there is one. Only items with an id
 * below `before` count: an import passes the first id it adds, so that the records of one
 * file are not taken for copies of each other. That bound is applied inside the indexes,
 * so a file with thousands of records of one title ("Editorial", "Book review") does not
 * read each earlier one for every later one.
 */
export function findDuplicate(
  db: Database.Database,
  data: ItemData,
  before: number = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const doi = normaliseDoi(data.doi);
  if (doi) {
    // Stored DOIs keep the form they came in ("https://doi.org/10...", "doi:10..."): look for each.
    const id = stmt(
      db,
      `SELECT id FROM items WHERE doi COLLATE NOCASE IN (${DOI_FORMS.map(() => '?').join(', ')})
         AND id < ? AND deleted IS NULL LIMIT 1`,
    )
      .pluck()
      .get(...DOI_FORMS.map((prefix) => prefix + doi), before) as number | undefined;
    if (id !== undefined) return id;
  }
  const arxiv = normaliseArxiv(data.arxiv);
  if (arxiv) {
    const id = stmt(db, 'SELECT id FROM items WHERE arxiv = ? AND id < ? AND deleted IS NULL LIMIT 1')
      .pluck()
      .get(arxiv, before) as number | undefined;
    if (id !== undefined) return id;
  }
  const title = matchKey(data.title);
  if (title.length < 8) return undefined;
  const candidates = stmt(
    db,
    `SELECT id, date, doi, arxiv FROM items
       WHERE match_hash = ? AND id < ? AND match_title = ? AND deleted IS NULL`,
  ).all(matchHash(title), before, title) as {
    id: number;
    date: string | null;
    doi: string | null;
    arxiv: string | null;
  }[];
  const wantedYear = year(data.date);
  for (const candidate of candidates) {
    const theirYear = year(candidate.date);
    if (wantedYear && theirYear && wantedYear !== theirYear) continue;
    // Different identifiers mean different works, whatever the titles say.
    if (doi && candidate.doi && normaliseDoi(candidate.doi) !== doi) continue;
    if (arxiv && candidate.arxiv && normaliseArxiv(candidate.arxiv) !== arxiv) continue;
    return candidate.id;
  }
  return undefined;
}

/**
 * Whether stored item `id` and `data` describe the same work: the same identifiers where
 * both have them, else the same normalised title (and no conflicting year).
 */
export function isSameWork(db: Database.Database, id: number, data: ItemData): boolean {
  const row = stmt(db, 'SELECT doi, arxiv, date, match_title FROM items WHERE id = ?').get(id) as
    { doi: string | null; arxiv: string | null; date: string | null; match_title: string } | undefined;
  if (!row) return false;
  const doi = normaliseDoi(data.doi);
  if (doi && row.doi) return normaliseDoi(row.doi) === doi;
  const arxiv = normaliseArxiv(data.arxiv);
  if (arxiv && row.arxiv) return normaliseArxiv(row.arxiv) === arxiv;
  const wantedYear = year(data.date);
  const theirYear = year(row.date);
  if (wantedYear && theirYear && wantedYear !== theirYear) return false;
  return matchKey(data.title) === row.match_title;
}

/** Groups of live items that look like the same work (each group sorted by id). */
export function findAllDuplicates(db: Database.Database): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  const union = (ids: number[]) => {
    const roots = ids.map(find);
    const min = Math.min(...roots);
    for (const r of roots) parent.set(r, min);
  };
  const groupSql = (expr: string, where: string) =>
    `SELECT group_concat(id) FROM items WHERE deleted IS NULL AND ${where} GROUP BY ${expr} HAVING count(*) > 1`;
  const queries = [
    groupSql('lower(doi)', 'doi IS NOT NULL'),
    groupSql('lower(arxiv)', 'arxiv IS NOT NULL'),
    groupSql("match_title, coalesce(substr(date, 1, 4), '')", 'length(match_title) >= 8'),
  ];
  for (const sql of queries) {
    for (const list of db.prepare(sql).pluck().all() as string[]) union(list.split(',').map(Number));
  }
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    groups.set(root, [...(groups.get(root) ?? []), id]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => a - b));
}
