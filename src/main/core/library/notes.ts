// Markdown notes, attached to an item or standalone. `[[citekey]]` in a note links to
// that item; the links are stored so an item can list its backlinks cheaply.
import type Database from 'better-sqlite3';
import type { Note, NoteSummary } from '../../../shared/domain';
import { notFound, SheafError } from '../errors';
import { stmt } from '../db/statements';
import { fold } from '../text/fold';
import { newKey } from './items';

export const MAX_NOTE_LENGTH = 1_000_000;
const WIKI_LINK = /\[\[([^[\]|\s]+)(?:\|[^\]]*)?\]\]/g;

/** Citation keys linked from a note body, in order of first appearance. */
export function noteLinks(body: string): string[] {
  const keys: string[] = [];
  for (const match of body.matchAll(WIKI_LINK)) {
    const key = match[1]!;
    if (!keys.some((k) => k.toLowerCase() === key.toLowerCase())) keys.push(key);
  }
  return keys;
}

/** The first non-empty line, without Markdown heading marks. */
export function noteTitle(body: string): string {
  const line = body.split('\n').find((l) => l.trim().length > 0) ?? '';
  const title = line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/[*_`]/g, '')
    .trim();
  return title.length > 200 ? `${title.slice(0, 199)}…` : title || 'Untitled note';
}

function checkBody(body: string): void {
  if (body.length > MAX_NOTE_LENGTH) {
    throw new SheafError(
      'invalid-argument',
      `A note is at most ${MAX_NOTE_LENGTH} characters (this one has ${body.length}).`,
    );
  }
}

export function createNote(db: Database.Database, itemId: number | null, body: string, now: number): number {
  checkBody(body);
  if (itemId !== null && !stmt(db, 'SELECT 1 FROM items WHERE id = ?').get(itemId))
    throw notFound('item', itemId);
  const id = Number(
    stmt(db, 'INSERT INTO notes(key, item_id, title, body, created, modified) VALUES (?, ?, ?, ?, ?, ?)').run(
      newKey(),
      itemId,
      noteTitle(body),
      body,
      now,
      now,
    ).lastInsertRowid,
  );
  writeLinks(db, id, body);
  return id;
}

export function updateNote(db: Database.Database, id: number, body: string, now: number): void {
  checkBody(body);
  const current = stmt(db, 'SELECT body FROM notes WHERE id = ?').pluck().get(id) as string | undefined;
  if (current === undefined) throw notFound('note', id);
  if (current === body) return;
  stmt(db, 'UPDATE notes SET body = ?, title = ?, modified = ? WHERE id = ?').run(
    body,
    noteTitle(body),
    now,
    id,
  );
  stmt(db, 'DELETE FROM note_links WHERE note_id = ?').run(id);
  writeLinks(db, id, body);
}

function writeLinks(db: Database.Database, noteId: number, body: string): void {
  const insert = stmt(db, 'INSERT INTO note_links(note_id, citekey) VALUES (?, ?)');
  for (const key of noteLinks(body)) insert.run(noteId, key);
}

interface NoteRow {
  id: number;
  key: string;
  item_id: number | null;
  title: string;
  body: string;
  created: number;
  modified: number;
  deleted: number | null;
}

function toSummary(row: NoteRow): NoteSummary {
  return {
    id: row.id,
    key: row.key,
    itemId: row.item_id,
    title: row.title,
    modified: new Date(row.modified).toISOString(),
  };
}

export function readNote(db: Database.Database, id: number): Note {
  const row = stmt(db, 'SELECT * FROM notes WHERE id = ?').get(id) as NoteRow | undefined;
  if (!row) throw notFound('note', id);
  return {
    ...toSummary(row),
    body: row.body,
    created: new Date(row.created).toISOString(),
    links: noteLinks(row.body),
  };
}

export interface NoteQuery {
  itemId?: number;
  /** Words that must all appear in the note (case- and accent-insensitive). */
  text?: string;
  limit?: number;
  offset?: number;
}

/** Live notes, newest first; notes of trashed items are hidden with their item. */
export function listNotes(db: Database.Database, query: NoteQuery = {}): NoteSummary[] {
  const where = ['n.deleted IS NULL', '(n.item_id IS NULL OR i.deleted IS NULL)'];
  const params: unknown[] = [];
  if (query.itemId !== undefined) {
    where.push('n.item_id = ?');
    params.push(query.itemId);
  }
  for (const word of (query.text ?? '').split(/\s+/).filter(Boolean)) {
    where.push("(fold(n.body) LIKE ? ESCAPE '\\' OR fold(n.title) LIKE ? ESCAPE '\\')");
    const pattern = `%${fold(word).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    params.push(pattern, pattern);
  }
  const rows = stmt(
    db,
    `SELECT n.* FROM notes n LEFT JOIN items i ON i.id = n.item_id
      WHERE ${where.join(' AND ')} ORDER BY n.modified DESC, n.id DESC LIMIT ? OFFSET ?`,
  ).all(...params, query.limit ?? 200, query.offset ?? 0) as NoteRow[];
  return rows.map(toSummary);
}

/** Live notes that link to the given citation key. */
export function backlinks(db: Database.Database, citekey: string): NoteSummary[] {
  const rows = stmt(
    db,
    `SELECT DISTINCT n.* FROM note_links l JOIN notes n ON n.id = l.note_id LEFT JOIN items i ON i.id = n.item_id
      WHERE l.citekey = ? AND n.deleted IS NULL AND (n.item_id IS NULL OR i.deleted IS NULL)
      ORDER BY n.modified DESC`,
  ).all(citekey) as NoteRow[];
  return rows.map(toSummary);
}

export function trashNote(db: Database.Database, id: number, now: number): void {
  if (stmt(db, 'UPDATE notes SET deleted = ? WHERE id = ? AND deleted IS NULL').run(now, id).changes === 0) {
    if (!stmt(db, 'SELECT 1 FROM notes WHERE id = ?').get(id)) throw notFound('note', id);
  }
}

export function restoreNote(db: Database.Database, id: number): void {
  if (!stmt(db, 'SELECT 1 FROM notes WHERE id = ?').get(id)) throw notFound('note', id);
  stmt(db, 'UPDATE notes SET deleted = NULL WHERE id = ?').run(id);
}
