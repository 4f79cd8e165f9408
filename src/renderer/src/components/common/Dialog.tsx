// Confirmations, notices and one-line questions (store.dialog).
import { useState } from 'react';
import { useSheaf } from '../../store';
import type { DialogState } from '../../store/ui-slice';
import { Modal } from './Modal';

export function Dialog() {
  const dialog = useSheaf((s) => s.dialog);
  const close = useSheaf((s) => s.closeDialog);
  if (!dialog) return null;
  return (
    <Modal label={dialog.title} onClose={close} className="modal-small">
      <DialogContent dialog={dialog} close={close} />
    </Modal>
  );
}

function DialogContent({ dialog, close }: { dialog: DialogState; close: () => void }) {
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const confirm = () => {
    const issue = dialog.input?.validate?.(value.trim());
    if (issue) {
      setProblem(issue);
      return;
    }
    close();
    dialog.onConfirm?.(value.trim());
  };
  return (
    <form
      method="dialog"
      onSubmit={(event) => {
        event.preventDefault();
        confirm();
      }}
    >
      <h2 className="modal-title">{dialog.title}</h2>
      <p className="modal-text">{dialog.body}</p>
      {dialog.input ? (
        <label className="field-block">
          <span className="field-label">{dialog.input.label}</span>
          <input
            className="text-input"
            value={value}
            placeholder={dialog.input.placeholder}
            autoFocus
            aria-invalid={problem ? true : undefined}
            onChange={(event) => {
              setValue(event.target.value);
              setProblem(undefined);
            }}
          />
          {problem ? (
            <span className="field-error" role="alert">
              {problem}
            </span>
          ) : null}
        </label>
      ) : null}
      <div className="modal-actions">
        {dialog.onConfirm ? (
          <>
            <button type="button" className="button" onClick={close}>
              Cancel
            </button>
            <button
              type="submit"
              className={dialog.danger ? 'button button-danger' : 'button button-primary'}
              autoFocus={!dialog.input}
            >
              {dialog.confirmLabel ?? 'OK'}
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={close} autoFocus>
            OK
          </button>
        )}
      </div>
    </form>
  );
}
