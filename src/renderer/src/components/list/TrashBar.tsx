// Above the list in the trash: restore the selection, empty the trash, and the other
// things waiting in it (collections, notes, digests), each restorable.
import { useSheaf } from '../../store';
import { plural } from '../../lib/format';
import { Icon } from '../common/Icon';

export function TrashBar() {
  const trash = useSheaf((s) => s.trash);
  const selected = useSheaf((s) => s.selection.ids.size);
  const trashCount = useSheaf((s) => s.info?.trashCount ?? 0);
  const store = useSheaf.getState;
  const others = [
    ...(trash?.collections ?? []).map((c) => ({
      key: `c${c.id}`,
      kind: 'Collection',
      name: c.name,
      restore: () => store().restoreCollection(c.id),
    })),
    ...(trash?.notes ?? []).map((n) => ({
      key: `n${n.id}`,
      kind: 'Note',
      name: n.title,
      restore: () => store().restoreNote(n.id),
    })),
    ...(trash?.digests ?? []).map((d) => ({
      key: `d${d.id}`,
      kind: 'Digest',
      name: d.title,
      restore: () => store().restoreDigest(d.id),
    })),
  ];
  const empty = trashCount === 0 && others.length === 0;
  return (
    <div className="trash-bar">
      <div className="trash-actions">
        <button
          type="button"
          className="button"
          disabled={!selected}
          onClick={() => void store().restoreItems(store().selectedIds())}
        >
          <Icon name="restore" size={14} />{' '}
          {selected > 1 ? `Restore ${plural(selected, 'Item')}` : 'Restore to Library'}
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={empty}
          onClick={() => store().emptyTrash()}
        >
          <Icon name="trash" size={14} /> Empty Trash…
        </button>
      </div>
      {others.length ? (
        <ul className="trash-others" aria-label="Other things in the trash">
          {others.map((thing) => (
            <li key={thing.key}>
              <span className="trash-kind">{thing.kind}</span>
              <span className="trash-name">{thing.name}</span>
              <button type="button" className="link-button" onClick={() => void thing.restore()}>
                Restore
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
