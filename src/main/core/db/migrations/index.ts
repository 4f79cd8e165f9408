// The ordered list of schema versions. Add a file per version and append it here; never
// edit a migration that has shipped.
import { migration001 } from './001-initial';
import { migration002 } from './002-bindings';
import { migration003 } from './003-counts-after-restore';
import { migration004 } from './004-citekey-sort-index';
import { migration005 } from './005-live-items-index';
import { migration006 } from './006-modification-mark';
import { migration007 } from './007-entry-cache';
import { migration008 } from './008-counts-read-live-index';
import type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
