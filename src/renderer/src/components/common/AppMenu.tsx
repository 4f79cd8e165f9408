// The "more" menu: file actions, undo/redo and the theme (the desktop's menu bar lives
// in the page, so the browser mode has it too).
import { isMac, modLabel } from '../../lib/keyboard';
import { useSheaf } from '../../store';
import type { Theme } from '../../store/preferences-slice';
import { Icon } from './Icon';

const THEMES: [Theme, string][] = [
  ['system', 'Match System'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];

export function AppMenuButton() {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label="More actions"
      title="More actions"
      aria-haspopup="menu"
      onClick={(event) => {
        const store = useSheaf.getState();
        const rect = event.currentTarget.getBoundingClientRect();
        store.openContextMenu({
          x: rect.right - 220,
          y: rect.bottom + 4,
          label: 'More actions',
          returnFocus: event.currentTarget,
          entries: [
            { label: 'Import…', shortcut: `${modLabel}O`, run: () => store.openImport() },
            { label: 'Export…', shortcut: `${modLabel}E`, run: () => store.openExport() },
            { label: 'New Collection…', run: () => store.startCreateCollection(null) },
            {
              label: 'New Note',
              run: () => void store.createNote(null, '').then(() => store.setView({ kind: 'notes' })),
            },
            { label: 'Backups…', run: () => store.openBackups() },
            'separator',
            { label: 'Undo', shortcut: `${modLabel}Z`, run: () => void store.undo() },
            { label: 'Redo', shortcut: isMac ? '⇧⌘Z' : 'Ctrl+Shift+Z', run: () => void store.redo() },
            'separator',
            ...THEMES.map(([theme, label]) => ({
              label: `${store.preferences.theme === theme ? '✓ ' : '   '}Theme: ${label}`,
              run: () => store.setTheme(theme),
            })),
          ],
        });
      }}
    >
      <Icon name="more" />
    </button>
  );
}
