// The open field map: every field an import kept that has no place of its own, and any
// the user adds.
import { useState } from 'react';
import { fieldNameProblem } from '../../lib/item-fields';
import { useSheaf } from '../../store';
import { Icon } from '../common/Icon';
import { EditableField } from './EditableField';

export function ExtraFields({ fields }: { fields: Record<string, string> }) {
  const updateItem = useSheaf((s) => s.updateItem);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string>();
  const names = Object.keys(fields).sort((a, b) => a.localeCompare(b));

  const add = async () => {
    const issue =
      fieldNameProblem(name.trim(), fields) ?? (value.trim() ? undefined : 'Give the field a value.');
    if (issue) return setProblem(issue);
    if (await updateItem({ fields: { ...fields, [name.trim()]: value.trim() } }, 'fields')) {
      setName('');
      setValue('');
      setProblem(undefined);
    }
  };

  return (
    <div className="extra-fields">
      {names.map((key) => (
        <div className="extra-field" key={key}>
          <EditableField
            fieldKey={`field:${key}`}
            label={key}
            value={fields[key] ?? ''}
            multiline
            newlines
            onSave={(value) => updateItem({ fields: { ...fields, [key]: value } }, `field:${key}`)}
          />
          <button
            type="button"
            className="icon-button tiny remove-field"
            aria-label={`Remove the field ${key}`}
            onClick={() => {
              const next = { ...fields };
              delete next[key];
              void updateItem({ fields: next }, 'fields');
            }}
          >
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
      <form
        className="add-field"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input
          className="text-input small"
          aria-label="New field name"
          placeholder="Field name"
          value={name}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setProblem(undefined);
          }}
        />
        <input
          className="text-input small"
          aria-label="New field value"
          placeholder="Value"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(undefined);
          }}
        />
        <button type="submit" className="button small" disabled={!name.trim()}>
          Add
        </button>
      </form>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
