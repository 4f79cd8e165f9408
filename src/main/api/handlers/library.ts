// The library as a whole: info, undo/redo, duplicates, settings, backups, links.
import { SheafError } from '../../core/errors';
import { compileFormula, DEFAULT_CITEKEY_FORMULA } from '../../core/library/citekey-pattern';
import { findAllDuplicates } from '../../core/library/duplicates';
import type { Library } from '../../core/library/library';
import { mergeItems } from '../../core/library/merge';
import { readItem, requireItems } from '../../core/library/items';
import { checkBackup, createBackup, listBackups, restoreBackup } from '../../core/service/backups';
import type { Settings } from '../../../shared/results';
import type { Handlers } from './types';

function settings(library: Library): Settings {
  return {
    citekeyFormula: library.setting('citekey.formula') ?? DEFAULT_CITEKEY_FORMULA,
    bibtexUnicode: library.setting('bibtex.unicode') === 'true',
  };
}

export const libraryHandlers: Handlers<
  | 'library.info'
  | 'history.undo'
  | 'history.redo'
  | 'history.list'
  | 'duplicates.find'
  | 'duplicates.merge'
  | 'settings.get'
  | 'settings.set'
  | 'backups.list'
  | 'backups.create'
  | 'backups.restore'
  | 'shell.openExternal'
> = {
  'library.info': (_, { library }) => library.info(),
  'history.undo': (_, { library }) => library.undo() ?? null,
  'history.redo': (_, { library }) => library.redo() ?? null,
  'history.list': (_, { library }) => library.historySteps(),
  'duplicates.find': (_, { library }) => findAllDuplicates(library.db),
  'duplicates.merge': ({ keepId, otherIds }, { library }) => {
    requireItems(library.db, [keepId, ...otherIds]);
    const title = readItem(library.db, keepId).title;
    library.write(`Merge ${otherIds.length + 1} copies of "${title}"`, () =>
      mergeItems(library.db, keepId, otherIds, library.now()),
    );
  },
  'settings.get': (_, { library }) => settings(library),
  'settings.set': ({ citekeyFormula, bibtexUnicode }, { library }) => {
    if (citekeyFormula !== undefined) {
      compileFormula(citekeyFormula); // throws a readable error on a bad formula
      library.setSetting('citekey.formula', citekeyFormula);
    }
    if (bibtexUnicode !== undefined) library.setSetting('bibtex.unicode', String(bibtexUnicode));
    return settings(library);
  },
  'backups.list': (_, { library }) => listBackups(library.file),
  'backups.create': (_, { library }) => createBackup(library, 'manual'),
  'backups.restore': async ({ file }, context) => {
    const backup = checkBackup(context.library.file, file);
    await createBackup(context.library, 'before-restore');
    // Written through SQLite into the open file, so other processes see it (ADR 0052);
    // reopening drops this process's caches of the library it replaced.
    await restoreBackup(context.library, backup);
    return context.reopenLibrary(() => {}).info();
  },
  'shell.openExternal': async ({ url }, { platform }) => {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      throw new SheafError('invalid-argument', 'Only http(s) links can be opened.');
    }
    if (!platform.openExternal) return false;
    await platform.openExternal(parsed.toString());
    return true;
  },
};
