// The import sheet: opened by the menu, a paste or a drop; previews, then imports with a
// progress bar and a cancel that leaves the library as it was.
import { count } from '../../lib/format';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';
import { Modal } from '../common/Modal';
import { ImportChooser } from './ImportChooser';
import { ImportPreviewView } from './ImportPreviewView';

const PHASES = { parsing: 'Reading', writing: 'Writing', indexing: 'Indexing' } as const;

function Progress() {
  const progress = useSheaf((s) => s.importJob.progress);
  const cancel = useSheaf((s) => s.cancelImport);
  const percent = progress && progress.total ? Math.round((100 * progress.done) / progress.total) : undefined;
  return (
    <div className="import-progress">
      <p>
        {progress
          ? `${PHASES[progress.phase]} ${count(progress.done)} of ${count(progress.total)}…`
          : 'Starting the import…'}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent ?? 0}%` }} />
      </div>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => void cancel()}>
          Cancel Import
        </button>
      </div>
    </div>
  );
}

export function ImportSheet() {
  const job = useSheaf((s) => s.importJob);
  const close = useSheaf((s) => s.closeImport);
  if (job.stage === 'closed') return null;
  const busy = job.stage === 'importing' || (job.stage === 'cancelled' && job.error === 'Cancelling…');
  return (
    <Modal label="Import" onClose={close} closable={!busy} className="import-sheet" testId="import-sheet">
      <header className="modal-header">
        <h2 className="modal-title">
          <Icon name="import" size={18} /> Import{job.source ? ` from ${job.source}` : ''}
        </h2>
        {!busy ? (
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            <Icon name="close" />
          </button>
        ) : null}
      </header>
      {job.stage === 'choose' ? <ImportChooser /> : null}
      {job.stage === 'reading' ? (
        <p className="import-reading" aria-busy="true">
          Reading {job.source ?? 'the input'}…
        </p>
      ) : null}
      {job.stage === 'preview' && job.preview ? <ImportPreviewView preview={job.preview} /> : null}
      {job.stage === 'importing' ? <Progress /> : null}
      {job.stage === 'cancelled' || job.stage === 'failed' ? (
        <div className="import-result" role={job.stage === 'failed' ? 'alert' : 'status'}>
          <p>{job.error}</p>
          <div className="modal-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={close}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
