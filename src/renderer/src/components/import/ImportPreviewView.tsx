// What an import will do, before it does it: papers found, duplicates, problems with
// their lines, the digest's date, where to put the papers.
import type { ImportPreview } from '../../../../shared/results';
import { count, plural } from '../../lib/format';
import { useSheaf } from '../../store';
import { CollectionSelect } from './CollectionSelect';
import { ImportIssues } from './ImportIssues';
import { ImportRecords } from './ImportRecords';

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const job = useSheaf((s) => s.importJob);
  const setTarget = useSheaf((s) => s.setImportTarget);
  const setDate = useSheaf((s) => s.setImportDigestDate);
  const commit = useSheaf((s) => s.commitImport);
  const close = useSheaf((s) => s.closeImport);
  const found = preview.records.length;
  const included = found - job.exclude.size;
  const validDate = !job.digestDate || /^\d{4}(-\d{2}(-\d{2})?)?$/.test(job.digestDate);

  return (
    <div className="import-preview">
      <div className="import-summary">
        <div className="stat" data-testid="import-found">
          <span className="stat-value">{count(found)}</span>
          <span className="stat-label">{found === 1 ? 'paper found' : 'papers found'}</span>
        </div>
        <div className="stat" data-testid="import-duplicates">
          <span className="stat-value">{count(preview.duplicates)}</span>
          <span className="stat-label">already in the library</span>
        </div>
        <div className={preview.errors.length ? 'stat stat-error' : 'stat'} data-testid="import-error-count">
          <span className="stat-value">{count(preview.errors.length)}</span>
          <span className="stat-label">{preview.errors.length === 1 ? 'error' : 'errors'}</span>
        </div>
      </div>
      <p className="muted small">
        Read as {preview.formatLabel}
        {preview.encoding ? ` (${preview.encoding})` : ''}
        {preview.digest ? ` — “${preview.digest.title}”` : ''}.
      </p>

      <ImportIssues errors={preview.errors} warnings={preview.warnings} />
      {found ? <ImportRecords records={preview.records} /> : null}

      <div className="import-options">
        <CollectionSelect
          label="Add the papers to"
          noneLabel="No collection (My Library only)"
          value={job.collectionId}
          onChange={setTarget}
        />
        {preview.digest ? (
          <label className="field-block">
            <span className="field-label">
              Digest date{preview.digest.dateInferred ? ' (guessed: check it)' : ''}
            </span>
            <input
              className="text-input"
              value={job.digestDate}
              placeholder="YYYY-MM-DD"
              aria-invalid={validDate ? undefined : true}
              onChange={(event) => setDate(event.target.value)}
            />
          </label>
        ) : null}
      </div>

      <div className="modal-actions">
        <button type="button" className="button" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={included === 0 || !validDate}
          onClick={() => void commit()}
        >
          Import {plural(included, 'paper')}
        </button>
      </div>
    </div>
  );
}
