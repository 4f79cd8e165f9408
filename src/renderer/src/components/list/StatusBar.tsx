// Below the list: how many items (or matches, once counted) and how many are selected.
import { count, plural } from '../../lib/format';
import { useSheaf } from '../../store';

export function StatusBar() {
  const list = useSheaf((s) => s.list);
  const selected = useSheaf((s) => s.selection.ids.size);
  const search = list.query?.search.trim();
  let text: string;
  if (list.loading) text = 'Searching…';
  else if (!list.key) text = '';
  else if (!list.countKnown) text = search ? 'Counting matches…' : 'Counting…';
  else if (search) text = list.count === 1 ? '1 match' : `${count(list.count)} matches`;
  else text = plural(list.count, 'item');
  return (
    <footer className="status-bar">
      <span data-testid="status-count" aria-live="polite">
        {text}
      </span>
      {selected > 0 ? <span data-testid="status-selected">{count(selected)} selected</span> : null}
    </footer>
  );
}
