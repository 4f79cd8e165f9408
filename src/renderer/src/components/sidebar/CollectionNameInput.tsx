// Inline name editing for a new or renamed collection: Enter keeps, Escape cancels,
// leaving the field keeps what was typed.
import { useRef, useState } from 'react';

interface Props {
  initial: string;
  label: string;
  level: number;
  onDone: (name: string | null) => void;
}

export function CollectionNameInput({ initial, label, level, onDone }: Props) {
  const [name, setName] = useState(initial);
  // Enter then the blur it causes must not finish twice.
  const finished = useRef(false);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value);
  };
  return (
    <div className="sidebar-row editing" style={{ paddingInlineStart: 8 + (level - 1) * 14 + 18 }}>
      <input
        className="inline-input"
        aria-label={label}
        value={name}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === 'Enter') finish(name);
          else if (event.key === 'Escape') finish(null);
        }}
        onBlur={() => finish(name)}
      />
    </div>
  );
}
