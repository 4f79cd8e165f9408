// Export: what (selection, collection, digest, search, library) × which format (as main
// offers them) → a file, or the clipboard.
import { useState } from 'react';
import { transportKind } from '../../api/client';
import { scopeChoices } from '../../lib/export-scopes';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';
import { Modal } from '../common/Modal';
import { useViewTitle } from '../common/useViewTitle';

const PREFERRED_FORMATS = ['bibtex', 'biblatex', 'csl-json', 'ris'];

export function ExportDialog() {
  const open = useSheaf((s) => s.exportDialog.open);
  if (!open) return null;
  return <ExportForm />;
}

function ExportForm() {
  const preferred = useSheaf((s) => s.exportDialog.preferred);
  const formats = useSheaf((s) => s.exportFormats);
  const view = useSheaf((s) => s.view);
  const search = useSheaf((s) => s.search);
  const selection = useSheaf((s) => s.selection.ids);
  const close = useSheaf((s) => s.closeExport);
  const runExport = useSheaf((s) => s.runExport);
  const title = useViewTitle();
  const [choices] = useState(() =>
    scopeChoices({ view, viewTitle: title, search, selectedIds: [...selection] }),
  );
  const [scopeId, setScopeId] = useState(
    () =>
      (choices.find((c) => c.id === preferred) ?? choices.find((c) => c.id !== 'library') ?? choices[0]!).id,
  );
  // '' until the user picks one: the preferred format main offers (the list may still be
  // arriving when the dialog opens).
  const [picked, setFormat] = useState('');
  const format =
    picked || (PREFERRED_FORMATS.find((id) => formats.some((f) => f.id === id)) ?? formats[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const scope = choices.find((c) => c.id === scopeId)!.scope;

  const go = async (destination: 'file' | 'clipboard') => {
    setBusy(true);
    await runExport({ scope, format, destination });
    setBusy(false);
  };

  return (
    <Modal label="Export" onClose={close} className="export-dialog" testId="export-dialog">
      <header className="modal-header">
        <h2 className="modal-title">
          <Icon name="export" size={18} /> Export
        </h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <fieldset className="choice-group">
        <legend className="field-label">What</legend>
        {choices.map((choice) => (
          <label key={choice.id} className="radio-label">
            <input
              type="radio"
              name="export-scope"
              value={choice.id}
              checked={scopeId === choice.id}
              onChange={() => setScopeId(choice.id)}
            />
            {choice.label}
          </label>
        ))}
      </fieldset>
      <label className="field-block">
        <span className="field-label">Format</span>
        <select
          className="text-input"
          aria-label="Format"
          value={format}
          onChange={(event) => setFormat(event.target.value)}
        >
          {formats.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label} (.{f.extensions[0]?.replace(/^\./, '')})
            </option>
          ))}
        </select>
      </label>
      <div className="modal-actions">
        <button
          type="button"
          className="button"
          disabled={busy || !format}
          onClick={() => void go('clipboard')}
        >
          <Icon name="copy" size={14} /> Copy to Clipboard
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !format}
          onClick={() => void go('file')}
        >
          {transportKind() === 'desktop' ? 'Save…' : 'Download'}
        </button>
      </div>
    </Modal>
  );
}
