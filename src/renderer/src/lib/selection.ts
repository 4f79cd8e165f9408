// Multi-selection as desktop lists do it: click selects one, Ctrl/Cmd+click toggles one,
// Shift+click (or Shift+arrow) selects the range from the anchor. Positions are row
// indices in the current list; what is selected are item ids (they survive re-sorting
// and searching).

export interface Selection {
  ids: ReadonlySet<number>;
  /** Where a Shift range starts. */
  anchor: number | null;
  /** The row with the keyboard focus ring. */
  focus: number | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null, focus: null };

export interface Modifiers {
  shift: boolean;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  toggle: boolean;
}

export type SelectIntent =
  | { kind: 'single'; index: number; id: number }
  | { kind: 'toggle'; index: number; id: number }
  /** Select rows anchor..index; `keep` adds them to the current selection (Ctrl+Shift). */
  | { kind: 'range'; anchor: number; index: number; keep: boolean };

export function intentFor(selection: Selection, index: number, id: number, mods: Modifiers): SelectIntent {
  if (mods.shift && selection.anchor !== null)
    return { kind: 'range', anchor: selection.anchor, index, keep: mods.toggle };
  if (mods.toggle) return { kind: 'toggle', index, id };
  return { kind: 'single', index, id };
}

export function selectSingle(index: number, id: number): Selection {
  return { ids: new Set([id]), anchor: index, focus: index };
}

export function toggleOne(selection: Selection, index: number, id: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: index, focus: index };
}

/** The selection after a range was resolved to `rangeIds`. */
export function selectRange(
  selection: Selection,
  anchor: number,
  index: number,
  rangeIds: readonly number[],
  keep: boolean,
): Selection {
  const ids = keep ? new Set(selection.ids) : new Set<number>();
  for (const id of rangeIds) ids.add(id);
  return { ids, anchor, focus: index };
}

export function rangeBounds(anchor: number, index: number): [number, number] {
  return anchor <= index ? [anchor, index] : [index, anchor];
}

/** Where the focus goes for a navigation key, or null for other keys. */
export function moveFocus(key: string, focus: number | null, count: number, pageRows: number): number | null {
  if (count === 0) return null;
  const from = focus ?? -1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, from + 1);
    case 'ArrowUp':
      return Math.max(0, from < 0 ? 0 : from - 1);
    case 'PageDown':
      return Math.min(count - 1, Math.max(0, from) + pageRows);
    case 'PageUp':
      return Math.max(0, from - pageRows);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
