// In-app drag and drop: what is being dragged (items or a collection) lives here, since a
// dataTransfer cannot be read until the drop; the dataTransfer only carries its type.
import { isMod } from './keyboard';

export type DragPayload =
  { kind: 'items'; ids: number[]; fromCollection?: number } | { kind: 'collection'; id: number };

const MIME = { items: 'application/x-sheaf-items', collection: 'application/x-sheaf-collection' } as const;

let current: DragPayload | undefined;

export function startDrag(event: React.DragEvent, payload: DragPayload, label: string): void {
  current = payload;
  event.dataTransfer.setData(
    MIME[payload.kind],
    String(payload.kind === 'items' ? payload.ids.length : payload.id),
  );
  event.dataTransfer.setData('text/plain', label);
  event.dataTransfer.effectAllowed = 'copyMove';
}

export function endDrag(): void {
  current = undefined;
}

/** What is dragged over `event`, when it is ours and of one of `kinds`. */
export function dragged(event: React.DragEvent, ...kinds: DragPayload['kind'][]): DragPayload | undefined {
  if (!current || !kinds.includes(current.kind)) return undefined;
  return event.dataTransfer.types.includes(MIME[current.kind]) ? current : undefined;
}

/** Shift, or Ctrl/Cmd, while dropping items from a collection moves them out of it. */
export function isMoveGesture(event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): boolean {
  return event.shiftKey || isMod(event);
}

/** Files dragged in from outside the window. */
export function hasFiles(event: { dataTransfer: DataTransfer | null }): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}
