// A modal sheet on the native <dialog>: focus stays inside, Escape closes, the rest of the
// window is inert while it is open.
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  label: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** False while something must not be interrupted (Escape then does nothing). */
  closable?: boolean;
  testId?: string;
}

export function Modal({ label, onClose, children, className, closable = true, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-label={label}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (closable) onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content).
        if (event.target === ref.current && closable) onClose();
      }}
    >
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
