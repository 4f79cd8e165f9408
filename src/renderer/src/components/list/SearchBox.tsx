// The quick search: the box updates as the user types; the list follows shortly after
// (store.setSearchDraft). Escape clears it.
import { useSheaf } from '../../store';
import { modLabel } from '../../lib/keyboard';
import { Icon } from '../common/Icon';

export function SearchBox({ placeholder }: { placeholder: string }) {
  const draft = useSheaf((s) => s.searchDraft);
  const setDraft = useSheaf((s) => s.setSearchDraft);
  const apply = useSheaf((s) => s.applySearch);
  return (
    <div className="search-box" role="search">
      <Icon name="search" size={14} className="search-icon" />
      <input
        id="quick-search"
        type="search"
        className="search-input"
        aria-label="Search"
        placeholder={placeholder}
        title={`Search (${modLabel}F). Words must all match; try author:, title:, year:2020-2024, tag:, -word`}
        value={draft}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') apply();
          else if (event.key === 'Escape' && draft) {
            event.preventDefault();
            setDraft('');
            apply();
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            document.querySelector<HTMLElement>('[data-testid="item-list"]')?.focus();
          }
        }}
      />
    </div>
  );
}
