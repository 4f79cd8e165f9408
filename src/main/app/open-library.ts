// Opening the library in the desktop app. When it will not open, the user sees what is
// wrong and gets the ways forward from recovery.ts as buttons (restore the newest backup,
// open read-only, choose another library file, quit). Nothing here replaces the file with
// an empty library: restoring over a damaged file keeps it aside (ADR 0053).
import { dialog } from 'electron';
import type { Library, LibraryOptions } from '../core/library/library';
import { restoreOverUnreadable } from '../core/service/backups';
import {
  diagnoseOpenFailure,
  openLibrary,
  openProblemOf,
  type OpenProblem,
  type WayForward,
} from '../core/service/recovery';

interface Choice {
  label: string;
  /** The next file and options to try, or undefined to quit. */
  next: () => Promise<{ file: string; readonly: boolean } | undefined>;
}

/** Opens `file`, asking the user how to go on for as long as it will not open. Undefined: quit. */
export async function openLibraryInteractively(
  file: string,
  options: LibraryOptions,
): Promise<Library | undefined> {
  let attempt: { file: string; readonly: boolean } | undefined = { file, readonly: false };
  while (attempt) {
    try {
      return openLibrary(attempt.file, { ...options, readonly: attempt.readonly });
    } catch (error) {
      const problem = openProblemOf(error) ?? diagnoseOpenFailure(attempt.file, error, attempt.readonly);
      attempt = await askWayForward(problem);
    }
  }
  return undefined;
}

async function askWayForward(problem: OpenProblem): Promise<{ file: string; readonly: boolean } | undefined> {
  const choices = problem.ways.flatMap((way) => choiceFor(problem.file, way));
  choices.push({ label: 'Quit', next: async () => undefined });
  const advice = problem.ways.map(adviceFor).filter(Boolean).join('\n');
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: 'Sheaf cannot open the library',
    message: 'Sheaf cannot open the library',
    detail: `${problem.message}\n\n${problem.file}${advice ? `\n\n${advice}` : ''}`,
    buttons: choices.map((choice) => choice.label),
    defaultId: 0,
    cancelId: choices.length - 1,
    noLink: true,
  });
  return choices[response]?.next();
}

function choiceFor(file: string, way: WayForward): Choice[] {
  switch (way.kind) {
    case 'restore-backup': {
      const newest = way.backups[0];
      if (!newest) return [];
      return [
        {
          label: `Restore backup of ${newest.created.slice(0, 16).replace('T', ' ')} (${newest.itemCount} items)`,
          next: async () => {
            const { response } = await dialog.showMessageBox({
              type: 'question',
              message: `Restore the backup of ${newest.created} with ${newest.itemCount} items?`,
              detail: 'The current file is kept beside it as a .damaged copy; nothing is deleted.',
              buttons: ['Restore', 'Cancel'],
              defaultId: 0,
              cancelId: 1,
            });
            if (response === 0) restoreOverUnreadable(file, newest);
            return { file, readonly: false };
          },
        },
      ];
    }
    case 'open-read-only':
      return [{ label: 'Open read-only', next: async () => ({ file, readonly: true }) }];
    case 'choose-another':
      return [
        {
          label: 'Choose another library…',
          next: async () => {
            const result = await dialog.showOpenDialog({
              title: 'Choose a Sheaf library',
              properties: ['openFile', 'promptToCreate'],
              filters: [{ name: 'Sheaf library', extensions: ['sheaf', 'sqlite', 'db'] }],
            });
            const chosen = result.filePaths[0];
            return result.canceled || !chosen ? { file, readonly: false } : { file: chosen, readonly: false };
          },
        },
      ];
    case 'try-again':
      return [{ label: 'Try again', next: async () => ({ file, readonly: false }) }];
    default:
      return [];
  }
}

/** Ways that are advice, not a button. */
function adviceFor(way: WayForward): string {
  switch (way.kind) {
    case 'update-sheaf':
      return 'It was written by a newer Sheaf: update Sheaf to open it.';
    case 'free-space':
      return 'Free some disk space, then try again.';
    case 'fix-permissions':
      return 'Make the file and its folder writable for your user, then try again.';
    default:
      return '';
  }
}
