// info, undo, redo, history, duplicates, backups and restoring one.
import type { Command } from 'commander';
import type { LibraryHost } from '../../api/host';
import { resolveLibraryPath } from '../../core/paths';
import { checkBackup, listBackups, restoreOverUnreadable } from '../../core/service/backups';
import { openProblemOf } from '../../core/service/recovery';
import { call, CliError, EXIT, openHost, printJson, withHost, type GlobalOptions } from '../runtime';

const globals = (command: Command) => command.optsWithGlobals<GlobalOptions>();

export function registerLibraryCommands(program: Command): void {
  program
    .command('info')
    .description('show the library: where it is, how many items, its schema version')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const info = await withHost(globals(command), (host) => call(host, 'library.info', {}));
      if (options.json) return printJson(info);
      process.stdout.write(
        `Library:        ${info.path}\nItems:          ${info.itemCount}\nIn the trash:   ${info.trashCount}\nSchema version: ${info.schemaVersion}\n`,
      );
    });

  program
    .command('undo')
    .description('undo the last change to the library (whoever made it)')
    .action(async (_: unknown, command: Command) => {
      const step = await withHost(globals(command), (host) => call(host, 'history.undo', {}));
      process.stdout.write(step ? `Undid: ${step.label}\n` : 'Nothing to undo.\n');
    });

  program
    .command('redo')
    .description('redo the last undone change')
    .action(async (_: unknown, command: Command) => {
      const step = await withHost(globals(command), (host) => call(host, 'history.redo', {}));
      process.stdout.write(step ? `Redid: ${step.label}\n` : 'Nothing to redo.\n');
    });

  program
    .command('history')
    .description('list recent changes (newest first)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const steps = await withHost(globals(command), (host) => call(host, 'history.list', {}));
      if (options.json) return printJson(steps);
      for (const step of steps)
        process.stdout.write(`${step.created}  ${step.undone ? '(undone) ' : ''}${step.label}\n`);
    });

  program
    .command('duplicates')
    .description('find items that look like the same work (same DOI, arXiv id, or title and year)')
    .option('--merge', 'merge each group into its oldest item')
    .option('--json', 'print JSON')
    .action(async (options: { merge?: boolean; json?: boolean }, command: Command) => {
      await withHost(globals(command), async (host) => {
        const groups = await call(host, 'duplicates.find', {});
        const described = [];
        for (const group of groups) {
          const items = await Promise.all(group.map((id) => call(host, 'items.get', { id })));
          described.push(items.map((i) => ({ citekey: i.citekey, title: i.title, date: i.date ?? null })));
          if (options.merge)
            await call(host, 'duplicates.merge', { keepId: group[0]!, otherIds: group.slice(1) });
        }
        if (options.json) return printJson({ groups: described, merged: options.merge ? groups.length : 0 });
        if (described.length === 0) return void process.stdout.write('No duplicates.\n');
        for (const group of described) {
          process.stdout.write(`${group.map((i) => `  ${i.citekey}  ${i.title}`).join('\n')}\n\n`);
        }
        process.stdout.write(
          options.merge
            ? `Merged ${groups.length} groups.\n`
            : `${groups.length} groups (merge with --merge).\n`,
        );
      });
    });

  program
    .command('backup')
    .description('back the library up now (SQLite online backup); old backups rotate out')
    .option('--keep <n>', 'from now on keep the newest n backups (default 10)')
    .action(async (options: { keep?: string }, command: Command) => {
      const keep = options.keep === undefined ? undefined : Number(options.keep);
      if (keep !== undefined && !(Number.isInteger(keep) && keep >= 1 && keep <= 1000))
        throw new CliError('--keep takes a number of backups from 1 to 1000.', EXIT.usage);
      const backup = await withHost(globals(command), (host) => {
        if (keep !== undefined) host.library.setSetting('backups.keep', String(keep));
        return call(host, 'backups.create', {});
      });
      process.stdout.write(`Backed up ${backup.itemCount} items to ${backup.file}\n`);
    });

  program
    .command('backups')
    .description('list backups, newest first (works even when the library will not open)')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }, command: Command) => {
      const backups = listBackups(resolveLibraryPath(globals(command).library));
      if (options.json) return printJson(backups);
      if (backups.length === 0)
        return void process.stdout.write('No backups yet (make one with `sheaf backup`).\n');
      for (const b of backups) process.stdout.write(`${b.created}  ${b.itemCount} items  ${b.file}\n`);
    });

  program
    .command('restore')
    .argument('<backup>', 'a backup file name (from `sheaf backups`)')
    .description('replace the library with a backup (the current state is backed up first)')
    .option('--yes', 'do not ask for confirmation')
    .action(async (name: string, options: { yes?: boolean }, command: Command) => {
      const file = resolveLibraryPath(globals(command).library);
      const backup = checkBackup(file, name);
      const confirmed = `the backup of ${backup.created} (${backup.itemCount} items)`;
      if (!options.yes) {
        throw new CliError(`This replaces the library with ${confirmed}. Run again with --yes to confirm.`);
      }
      let host: LibraryHost;
      try {
        host = openHost(globals(command));
      } catch (error) {
        // A library that will not open (damaged, not a library, too new) is set aside, never deleted.
        const problem = openProblemOf(error);
        if (!problem || !['damaged', 'not-a-library', 'newer-schema'].includes(problem.trouble)) throw error;
        const aside = restoreOverUnreadable(file, backup);
        process.stdout.write(
          `Restored ${confirmed}. The library that would not open was kept as ${aside}.\n`,
        );
        return;
      }
      try {
        const info = await call(host, 'backups.restore', { file: backup.file });
        process.stdout.write(`Restored ${confirmed}: ${info.itemCount} items.\n`);
      } finally {
        host.close();
      }
    });
}
