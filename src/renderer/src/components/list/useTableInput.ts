// The item table's mouse, keyboard and drag handling, desktop-style: a press selects at
// once (Ctrl/Cmd toggles, Shift extends); a press on a selected row waits for the click,
// so a multiple selection can be dragged; arrows, Page Up/Down, Home/End, Space, Ctrl/Cmd+A,
// Enter (to the item pane), Delete (to the trash), the context-menu key.
import { useRef, type RefObject } from 'react';
import type { ViewSpec } from '../../../../shared/views';
import { endDrag, startDrag } from '../../lib/drag';
import { plural } from '../../lib/format';
import { isMod } from '../../lib/keyboard';
import { focusFirstField } from '../../lib/pane-focus';
import { rowsPerPage } from '../../lib/windowing';
import { useSheaf } from '../../store';
import { rowAt } from '../../store/list-slice';
import { openItemMenu } from './item-menu';

interface Options {
  spec: ViewSpec | undefined;
  viewport: number;
  rowHeight: number;
  scrollerRef: RefObject<HTMLDivElement | null>;
  /** The element shown under the pointer while dragging. */
  ghostRef: RefObject<HTMLDivElement | null>;
}

/**
 * Focuses the item pane's first field (Enter or a double click on a row); if the pane does
 * not show the selected item yet, it does so once it does (ItemPane).
 */
function focusItemPane() {
  const { selection, itemDetail, focusPaneWhenShown } = useSheaf.getState();
  const selected = selection.ids.size === 1 ? selection.ids.values().next().value : undefined;
  if (selected !== undefined && itemDetail?.id !== selected) focusPaneWhenShown(selected);
  else focusFirstField();
}

/** The row under an event, as the user saw it (the list may have changed since). */
function rowOf(target: EventTarget) {
  const element = (target as HTMLElement).closest<HTMLElement>('[role="row"][data-index]');
  if (!element) return undefined;
  const index = Number(element.dataset.index);
  const row = rowAt(index);
  return row && String(row.id) === element.dataset.id ? { index, row } : undefined;
}

function focusedRowElement(): HTMLElement | null {
  const { focus } = useSheaf.getState().selection;
  return focus === null ? null : document.getElementById(`row-${focus}`);
}

export function useTableInput({ spec, viewport, rowHeight, scrollerRef, ghostRef }: Options) {
  /** Set by a keyboard move, so the focused row is scrolled into view. */
  const keyboardMoveRef = useRef(false);
  /** The row a press already selected (its click must not select it again). */
  const pressed = useRef<number | undefined>(undefined);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const store = useSheaf.getState();
    const { selection } = store;
    const mods = { shift: event.shiftKey, toggle: isMod(event) };
    if (['ArrowDown', 'ArrowUp', 'PageDown', 'PageUp', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      keyboardMoveRef.current = true;
      void store.moveListFocus(event.key, mods, rowsPerPage(viewport, rowHeight));
    } else if (event.key === ' ') {
      event.preventDefault();
      const focused = selection.focus === null ? undefined : rowAt(selection.focus);
      if (mods.toggle) store.toggleFocusedRow();
      else if (focused && selection.focus !== null)
        void store.selectRow(selection.focus, focused.id, { shift: event.shiftKey, toggle: false });
    } else if (mods.toggle && event.key.toLowerCase() === 'a' && !event.shiftKey) {
      event.preventDefault();
      void store.selectAll();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      focusItemPane();
    } else if (event.key === 'Delete' || (event.key === 'Backspace' && mods.toggle)) {
      if (spec?.kind === 'trash') return;
      event.preventDefault();
      void store.trashItems(store.selectedIds());
    } else if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      event.preventDefault();
      const rect = (focusedRowElement() ?? event.currentTarget).getBoundingClientRect();
      openItemMenu({ x: rect.left + 40, y: rect.top + rowHeight }, event.currentTarget);
    } else if (event.key === 'Escape' && selection.ids.size) {
      store.clearSelection();
    }
  };

  const onPointerDown = (event: React.PointerEvent) => {
    const hit = event.button === 0 ? rowOf(event.target) : undefined;
    pressed.current = undefined;
    if (!hit) return;
    // With a text selection somewhere, Chromium takes Shift+press as extending it.
    if (event.shiftKey) window.getSelection()?.removeAllRanges();
    if (useSheaf.getState().selection.ids.has(hit.row.id)) return;
    pressed.current = hit.row.id;
    void useSheaf
      .getState()
      .selectRow(hit.index, hit.row.id, { shift: event.shiftKey, toggle: isMod(event) });
  };

  const onClick = (event: React.MouseEvent) => {
    const hit = rowOf(event.target);
    const handled = pressed.current;
    pressed.current = undefined;
    if (!hit || handled === hit.row.id) return;
    void useSheaf
      .getState()
      .selectRow(hit.index, hit.row.id, { shift: event.shiftKey, toggle: isMod(event) });
  };

  const onContextMenu = (event: React.MouseEvent) => {
    event.preventDefault();
    const hit = rowOf(event.target);
    const store = useSheaf.getState();
    if (!hit) {
      // From the keyboard (the context-menu key): the focused row's menu.
      const focused = focusedRowElement();
      if (focused && !store.contextMenu) {
        const rect = focused.getBoundingClientRect();
        openItemMenu({ x: rect.left + 40, y: rect.bottom }, scrollerRef.current);
      }
      return;
    }
    if (!store.selection.ids.has(hit.row.id))
      void store.selectRow(hit.index, hit.row.id, { shift: false, toggle: false });
    openItemMenu({ x: event.clientX, y: event.clientY }, scrollerRef.current);
  };

  const onDragStart = (event: React.DragEvent) => {
    const hit = rowOf(event.target);
    if (!hit) return;
    const store = useSheaf.getState();
    const ids = store.selection.ids.has(hit.row.id) ? store.selectedIds() : [hit.row.id];
    const label = ids.length === 1 ? hit.row.title : plural(ids.length, 'item');
    startDrag(
      event,
      { kind: 'items', ids, ...(spec?.kind === 'collection' ? { fromCollection: spec.id } : {}) },
      label,
    );
    const ghost = ghostRef.current;
    if (ghost) {
      ghost.textContent = label;
      event.dataTransfer.setDragImage(ghost, 12, 12);
    }
  };

  return {
    keyboardMoveRef,
    handlers: {
      onKeyDown,
      onPointerDown,
      onClick,
      onDoubleClick: (event: React.MouseEvent) => rowOf(event.target) && focusItemPane(),
      onContextMenu,
      onDragStart,
      onDragEnd: endDrag,
    },
  };
}
