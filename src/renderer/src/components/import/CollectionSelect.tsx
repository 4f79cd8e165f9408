// A <select> of the collections as an indented tree, for choosing where things go.
import { useMemo } from 'react';
import { buildTree, visibleNodes } from '../../lib/collection-tree';
import { useSheaf } from '../../store';

interface Props {
  value: number | null;
  onChange: (id: number | null) => void;
  label: string;
  noneLabel: string;
}

export function CollectionSelect({ value, onChange, label, noneLabel }: Props) {
  const collections = useSheaf((s) => s.collections);
  const options = useMemo(() => {
    const all = new Set(collections.map((c) => c.id));
    return visibleNodes(buildTree(collections), all);
  }, [collections]);
  return (
    <label className="field-block">
      <span className="field-label">{label}</span>
      <select
        className="text-input"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{noneLabel}</option>
        {options.map((node) => (
          <option key={node.collection.id} value={node.collection.id}>
            {'\u00a0\u00a0\u00a0'.repeat(node.depth)}
            {node.collection.name}
          </option>
        ))}
      </select>
    </label>
  );
}
