// What runs beside a long-lived host (the app, the browser mode): noticing other
// processes' changes, keeping bound .bib files current, the daily backup.
import { backupIfDue } from '../core/service/backups';
import { BindingsSync } from '../core/service/bindings-sync';
import type { LibraryHost } from './host';

export function startBackgroundServices(
  host: LibraryHost,
  log: (message: string) => void = () => {},
): () => void {
  const sync = new BindingsSync(
    () => host.library,
    (id, path, error) => host.emit('bindings.written', { id, path, ...(error ? { error } : {}) }),
  );
  const stop = host.onEvent((event) => {
    if (event === 'library.changed') sync.changed();
  });
  // Bound files catch up with changes they missed (a crash between a commit and its write).
  sync.changed();
  const watcher = setInterval(() => host.library.generation(), 1000);
  watcher.unref();
  backupIfDue(host.library).then(
    (backup) => backup && log(`Backed up the library to ${backup.file}`),
    (error: unknown) =>
      log(`The daily backup failed: ${error instanceof Error ? error.message : String(error)}`),
  );
  return () => {
    clearInterval(watcher);
    sync.stop();
    stop();
  };
}
