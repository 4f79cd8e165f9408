// Tags as chips: click to filter by one, click more to narrow to items having all; drop
// items on a tag to tag them.
import { dragged, endDrag } from '../../lib/drag';
import { useSheaf } from '../../store';

const NONE: readonly string[] = [];

export function TagList() {
  const tags = useSheaf((s) => s.tags);
  const active = useSheaf((s) =>
    s.view.kind === 'items' && s.view.spec.kind === 'tags' ? s.view.spec.names : NONE,
  );
  const toggle = useSheaf((s) => s.toggleTagFilter);
  return (
    <div className="tag-cloud">
      {tags.map((tag) => {
        const selected = active.includes(tag.name);
        return (
          <div
            key={tag.id}
            role="treeitem"
            aria-selected={selected}
            aria-level={1}
            tabIndex={selected ? 0 : -1}
            className={selected ? 'tag-chip selected' : 'tag-chip'}
            title={`${tag.name}: ${tag.itemCount} items`}
            onClick={() => toggle(tag.name)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                toggle(tag.name);
              }
            }}
            onDragOver={(event) => {
              if (dragged(event, 'items')) {
                event.preventDefault();
                event.dataTransfer.dropEffect = 'copy';
              }
            }}
            onDrop={(event) => {
              const payload = dragged(event, 'items');
              if (payload?.kind === 'items') {
                event.preventDefault();
                void useSheaf.getState().tagItems(payload.ids, [tag.name]);
              }
              endDrag();
            }}
          >
            {tag.name}
          </div>
        );
      })}
    </div>
  );
}
