// The import sheet's first step when opened from the menu: a file, or pasted text.
import { useRef, useState } from 'react';
import { isMac } from '../../lib/keyboard';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';

export function ImportChooser() {
  const formats = useSheaf((s) => s.importFormats);
  const importFile = useSheaf((s) => s.importFile);
  const importText = useSheaf((s) => s.importText);
  const [text, setText] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const extensions = [...new Set(formats.flatMap((f) => f.extensions))].map((e) =>
    e.startsWith('.') ? e : `.${e}`,
  );

  return (
    <div className="import-chooser">
      <button type="button" className="drop-zone" onClick={() => fileInput.current?.click()}>
        <Icon name="file" size={22} />
        <span className="drop-zone-title">Choose a file…</span>
        <span className="muted small">or drop it anywhere on the window</span>
      </button>
      <input
        ref={fileInput}
        type="file"
        className="visually-hidden"
        aria-label="File to import"
        accept={extensions.join(',')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void importFile(file);
        }}
      />
      <label className="field-block">
        <span className="field-label">Or paste a digest or BibTeX here</span>
        <textarea
          className="text-input paste-area"
          value={text}
          rows={6}
          placeholder={`A Hugging Face papers page or email, an arXiv listing, RIS, CSL-JSON… (${isMac ? '⌘V' : 'Ctrl+V'} anywhere outside a text field also works)`}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <p className="muted small">Sheaf reads: {formats.map((f) => f.label).join(', ')}.</p>
      <div className="modal-actions">
        <button type="button" className="button" onClick={() => useSheaf.getState().closeImport()}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={!text.trim()}
          onClick={() => void importText(text)}
        >
          Preview
        </button>
      </div>
    </div>
  );
}
