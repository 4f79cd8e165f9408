// Brings a database to the schema this code knows, one version per transaction, and
// refuses a database written by a newer Sheaf rather than guessing at it.
import type Database from 'better-sqlite3';
import { SheafError } from '../errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function pendingMigrations(db: Database.Database, migrations = MIGRATIONS): Migration[] {
  const current = schemaVersion(db);
  const latest = migrations.length;
  if (current > latest) {
    throw new SheafError(
      'newer-schema',
      `This library was written by a newer version of Sheaf (schema ${current}; this version knows up to ${latest}). ` +
        'Update Sheaf, or open a backup.',
    );
  }
  return migrations.slice(current);
}

/** Runs the pending migrations; returns the versions applied. */
export function migrate(db: Database.Database, migrations = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const migration of pendingMigrations(db, migrations)) {
    db.transaction(() => {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
