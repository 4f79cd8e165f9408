// Backups: the ones beside the library, newest first; make one now, or restore one after
// a confirmation that names its date and item count. Main backs up the current state
// before it restores, so a restore can itself be undone by restoring that backup.
import { useEffect, useState } from 'react';
import type { Backup } from '../../../../shared/results';
import { call } from '../../api/client';
import { messageOf } from '../../lib/errors';
import { dateTime, plural } from '../../lib/format';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';
import { Modal } from '../common/Modal';

export function BackupsDialog() {
  const open = useSheaf((s) => s.backupsOpen);
  return open ? <BackupsForm /> : null;
}

function BackupsForm() {
  const close = useSheaf((s) => s.closeBackups);
  const toast = useSheaf((s) => s.toast);
  const [backups, setBackups] = useState<Backup[] | undefined>();
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<Backup | undefined>();
  const [busy, setBusy] = useState(false);

  const load = () =>
    call('backups.list', {})
      .then(setBackups)
      .catch((e: unknown) => setError(messageOf(e)));
  useEffect(() => void load(), []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = () =>
    run(async () => {
      const made = await call('backups.create', {});
      toast(`Backed up ${plural(made.itemCount, 'item')}.`);
      await load();
    });

  const restore = (backup: Backup) =>
    run(async () => {
      await call('backups.restore', { file: backup.file });
      toast(`Restored the backup of ${dateTime(backup.created)}.`);
      close();
    });

  return (
    <Modal
      label="Backups"
      onClose={close}
      className="backups-dialog"
      testId="backups-dialog"
      closable={!busy}
    >
      <header className="modal-header">
        <h2 className="modal-title">Backups</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close} disabled={busy}>
          <Icon name="close" />
        </button>
      </header>
      {confirming ? (
        <div className="backup-confirm" role="alertdialog" aria-label="Restore backup">
          <p>
            Restore the backup of <strong>{dateTime(confirming.created)}</strong> with{' '}
            <strong>{plural(confirming.itemCount, 'item')}</strong>? The library as it is now is backed up
            first.
          </p>
          <div className="modal-actions">
            <button type="button" className="button" disabled={busy} onClick={() => setConfirming(undefined)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void restore(confirming)}
            >
              Restore
            </button>
          </div>
        </div>
      ) : (
        <>
          {backups === undefined && !error ? <p className="muted">Reading backups…</p> : null}
          {backups?.length === 0 ? <p className="muted">No backups yet.</p> : null}
          {backups?.length ? (
            <ul className="backup-list" aria-label="Backups">
              {backups.map((backup) => (
                <li key={backup.file} className="backup-row">
                  <span className="backup-date">{dateTime(backup.created)}</span>
                  <span className="backup-count">{plural(backup.itemCount, 'item')}</span>
                  <button
                    type="button"
                    className="button"
                    disabled={busy}
                    aria-label={`Restore the backup of ${dateTime(backup.created)}`}
                    onClick={() => setConfirming(backup)}
                  >
                    Restore…
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <div className="modal-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void backUpNow()}
            >
              Back Up Now
            </button>
          </div>
        </>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </Modal>
  );
}
