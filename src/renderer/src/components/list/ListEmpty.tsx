// What an empty list says, depending on why it is empty, and what the user can do.
import { useSheaf } from '../../store';
import { isMac } from '../../lib/keyboard';
import { Icon } from '../common/Icon';

const paste = isMac ? '⌘V' : 'Ctrl+V';

export function ListEmpty() {
  const list = useSheaf((s) => s.list);
  const spec = useSheaf((s) => (s.view.kind === 'items' ? s.view.spec : undefined));
  const libraryEmpty = useSheaf((s) => s.info?.itemCount === 0);
  const openImport = useSheaf((s) => s.openImport);

  if (list.error)
    return (
      <div className="list-message" role="alert">
        <Icon name="alert" size={20} />
        <p className="list-message-title">The list could not be read</p>
        <p>{list.error}</p>
      </div>
    );
  if (!list.key) return <div className="list-message muted">Loading…</div>;
  if (list.count > 0 || !list.countKnown || list.loading) return null;

  const search = list.query?.search.trim();
  if (search)
    return (
      <div className="list-message" data-testid="empty-state">
        <p className="list-message-title">No items match “{search}”</p>
        <p>Try fewer words, or search the whole library.</p>
      </div>
    );
  if (spec?.kind === 'library' && libraryEmpty)
    return (
      <div className="list-message welcome" data-testid="empty-state">
        <Icon name="digest" size={32} />
        <p className="list-message-title">Start with today’s papers</p>
        <p>
          Copy a paper digest (a Hugging Face papers page or email, an arXiv listing, a feed) or a BibTeX file
          and press <kbd>{paste}</kbd> here. You can also drop files on this window.
        </p>
        <button type="button" className="button button-primary" onClick={openImport}>
          <Icon name="import" size={14} /> Import…
        </button>
      </div>
    );
  const text: Record<string, [string, string]> = {
    library: ['Nothing here', 'Paste a digest or import a file to add papers.'],
    unfiled: ['Every item is in a collection', 'Items that are in no collection appear here.'],
    collection: ['This collection is empty', 'Drag items here from the list to add them.'],
    digest: ['This digest has no papers left', 'Its papers were moved to the trash.'],
    tags: ['No item has all these tags', 'Click a selected tag again to drop it from the filter.'],
    trash: ['The trash is empty', 'Deleted items wait here until you empty the trash.'],
  };
  const [title, hint] = text[spec?.kind ?? 'library'] ?? text.library!;
  return (
    <div className="list-message" data-testid="empty-state">
      <p className="list-message-title">{title}</p>
      <p>{hint}</p>
    </div>
  );
}
