// A field edited in place: looks like text, is an input. Enter (or leaving the field)
// stores it; Escape puts the stored value back. A value main refuses stays in the field
// with the reason under it until fixed or abandoned (then the stored value returns).
import { useRef, useState } from 'react';
import { useSheaf } from '../../store';

interface Props {
  fieldKey: string;
  label: string;
  value: string;
  placeholder?: string;
  multiline?: boolean;
  /** Enter starts a new line (the field is stored on leaving it, or Ctrl/Cmd+Enter). */
  newlines?: boolean;
  className?: string;
  /** A check before saving (the same main makes, with a quicker answer). */
  validate?: (value: string) => string | undefined;
  onSave: (value: string) => Promise<boolean>;
  /** The field Enter on the list jumps to. */
  first?: boolean;
  /** Label shown beside the field; omit for fields with their own heading. */
  visibleLabel?: boolean;
}

export function EditableField(props: Props) {
  const { fieldKey, value } = props;
  const error = useSheaf((s) => s.fieldErrors[fieldKey]);
  const setFieldError = useSheaf((s) => s.setFieldError);
  const [draft, setDraft] = useState(value);
  const [stored, setStored] = useState(value);
  const [busy, setBusy] = useState(false);
  // Escape blurs the field; that blur must not store what Escape abandoned.
  const abandoned = useRef(false);
  if (value !== stored) {
    // The stored value changed (saved, undone, edited elsewhere): show it.
    setStored(value);
    setDraft(value);
  }

  const commit = async (): Promise<boolean> => {
    if (draft === value) {
      setFieldError(fieldKey, undefined);
      return true;
    }
    const problem = props.validate?.(draft);
    if (problem) {
      setFieldError(fieldKey, problem);
      return false;
    }
    setBusy(true);
    const saved = await props.onSave(draft);
    setBusy(false);
    return saved;
  };

  const id = `field-${fieldKey.replace(/[^\w-]/g, '_')}`;
  const common = {
    id,
    className: ['field-input', props.className, error && 'invalid'].filter(Boolean).join(' '),
    value: draft,
    placeholder: props.placeholder ?? '',
    'aria-label': props.visibleLabel === false ? props.label : undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    'aria-busy': busy || undefined,
    'data-first-field': props.first ? '' : undefined,
    spellCheck: props.multiline ? true : false,
    onChange: (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setDraft(event.target.value),
    onBlur: () => {
      if (abandoned.current) {
        abandoned.current = false;
        return;
      }
      void commit().then((saved) => {
        // Leaving a refused value: the stored one comes back, the reason stays visible.
        if (!saved) setDraft(value);
      });
    },
    onKeyDown: (event: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDraft(value);
        setFieldError(fieldKey, undefined);
        abandoned.current = true;
        // Back to the list, where the user came from.
        const list = document.querySelector<HTMLElement>('[data-testid="item-list"]');
        if (list) list.focus();
        else event.currentTarget.blur();
      } else if (event.key === 'Enter' && (!props.newlines || event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void commit();
      }
    },
  };

  return (
    <div className={props.visibleLabel === false ? 'field field-bare' : 'field'}>
      {props.visibleLabel === false ? null : (
        <label className="field-label" htmlFor={id}>
          {props.label}
        </label>
      )}
      <div className="field-value">
        {props.multiline ? <textarea rows={1} {...common} /> : <input type="text" {...common} />}
        {error ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
