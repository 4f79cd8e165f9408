// Where the item belongs: its collections and digests, each a way to that view.
import type { ItemDetail } from '../../../../shared/domain';
import { useSheaf } from '../../store';
import { calendarDate } from '../../lib/format';
import { digestName } from '../../lib/views';
import { Icon } from '../common/Icon';

export function ItemRelations({ item }: { item: ItemDetail }) {
  const setView = useSheaf((s) => s.setView);
  if (!item.collections.length && !item.digests.length)
    return (
      <p className="muted small">
        Not in any collection or digest. Drag it onto a collection in the sidebar.
      </p>
    );
  return (
    <ul className="relation-list">
      {item.collections.map((collection) => (
        <li key={`c${collection.id}`}>
          <button
            type="button"
            className="relation"
            onClick={() => setView({ kind: 'items', spec: { kind: 'collection', id: collection.id } })}
          >
            <Icon name="folder" size={14} />
            <span>{collection.path}</span>
          </button>
        </li>
      ))}
      {item.digests.map((digest) => (
        <li key={`d${digest.id}`}>
          <button
            type="button"
            className="relation"
            onClick={() => setView({ kind: 'items', spec: { kind: 'digest', id: digest.id } })}
          >
            <Icon name="digest" size={14} />
            <span>
              #{digest.position + 1} in {calendarDate(digest.date)} · {digestName(digest)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
