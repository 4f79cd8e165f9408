import type Database from 'better-sqlite3';

/** One schema version: SQL (or code) that takes the previous version to this one. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database.Database) => void);
}
