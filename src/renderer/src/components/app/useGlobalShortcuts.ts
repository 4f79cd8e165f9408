// Shortcuts that work anywhere outside text fields: undo/redo, copy key/BibTeX, search,
// import, export, and F6 to move between the three panes.
import { useEffect } from 'react';
import { isEditable, isMod } from '../../lib/keyboard';
import { useSheaf } from '../../store';

/** Each pane, and where focus lands in it (first match wins). */
const PANES: { pane: string; targets: string[] }[] = [
  {
    pane: '.sidebar',
    targets: ['.sidebar-tree [role="treeitem"][tabindex="0"]', '.sidebar-tree [role="treeitem"]'],
  },
  { pane: '.items-area', targets: ['[data-testid="item-list"]', '[data-testid="notes-list"]'] },
  {
    pane: '[data-pane="item"]',
    targets: [
      '[data-pane="item"] [data-first-field]',
      '[data-pane="item"] .code-editor',
      '[data-pane="item"] button',
    ],
  },
];

function cyclePanes(step: 1 | -1) {
  const active = document.activeElement;
  const current = PANES.findIndex(({ pane }) => active?.closest(pane));
  for (let i = 1; i <= PANES.length; i++) {
    const index = (current + step * i + PANES.length * 2) % PANES.length;
    for (const selector of PANES[index]!.targets) {
      const target = document.querySelector<HTMLElement>(selector);
      if (target) {
        target.focus();
        return;
      }
    }
  }
}

export function useGlobalShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const store = useSheaf.getState();
      if (event.key === 'F6') {
        event.preventDefault();
        cyclePanes(event.shiftKey ? -1 : 1);
        return;
      }
      if (!isMod(event) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'f') {
        event.preventDefault();
        document.getElementById('quick-search')?.focus();
        return;
      }
      if (key === 'o' && !event.shiftKey) {
        event.preventDefault();
        store.openImport();
        return;
      }
      if (key === 'e' && !event.shiftKey) {
        event.preventDefault();
        store.openExport();
        return;
      }
      if (isEditable(event.target) || store.importJob.stage !== 'closed' || store.exportDialog.open) return;
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        if (key === 'y' || event.shiftKey) void store.redo();
        else void store.undo();
      } else if (event.shiftKey && key === 'c') {
        event.preventDefault();
        void store.copyCitekeys(store.selectedIds());
      } else if (event.shiftKey && key === 'b') {
        event.preventDefault();
        void store.copyBibtex(store.selectedIds());
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
