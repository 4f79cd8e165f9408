// The item table's header: click to sort (again to reverse), drag the edge to resize, drag
// a header onto another to reorder; the context menu (or keyboard) does the same and
// chooses the columns.
import { forwardRef, useRef } from 'react';
import type { SortSpec } from '../../../../shared/views';
import {
  BUILT_IN_COLUMNS,
  columnDef,
  fieldName,
  widthForResize,
  type ColumnId,
  type ShownColumn,
} from '../../lib/columns';
import { fieldNameProblem } from '../../lib/item-fields';
import { menuPositionOf } from '../common/ContextMenu';
import { Icon } from '../common/Icon';
import { useSheaf } from '../../store';
import type { MenuEntry } from '../../store/ui-slice';

interface Props {
  columns: readonly ShownColumn[];
  template: string;
  sort: SortSpec;
  onSort: (field: SortSpec['field']) => void;
}

function openColumnMenu(column: ShownColumn, at: { x: number; y: number }, returnFocus: HTMLElement) {
  const store = useSheaf.getState();
  const prefs = store.preferences.columns;
  const entries: MenuEntry[] = [
    { label: 'Move Left', run: () => store.nudgeColumn(column.id, -1) },
    { label: 'Move Right', run: () => store.nudgeColumn(column.id, 1) },
    'separator',
  ];
  const known = new Set<ColumnId>([...BUILT_IN_COLUMNS, ...prefs.map((p) => p.id)]);
  for (const id of known) {
    if (id === 'title' || id === 'position') continue;
    const visible = prefs.find((p) => p.id === id)?.visible ?? false;
    entries.push({
      label: `${visible ? '✓ ' : '   '}${columnDef(id).label}`,
      run: () => store.toggleColumn(id),
    });
  }
  entries.push('separator', {
    label: 'Add Field Column…',
    run: () =>
      store.openDialog({
        title: 'Add a field column',
        body: 'Show any field of your items (for example "note", "keywords" or "eprinttype") as a column.',
        input: {
          label: 'Field name',
          placeholder: 'keywords',
          validate: (name) => fieldNameProblem(name, {}),
        },
        confirmLabel: 'Add Column',
        onConfirm: (name) => store.addFieldColumn(name),
      }),
  });
  if (fieldName(column.id) !== undefined)
    entries.push({ label: `Remove “${column.label}” Column`, run: () => store.toggleColumn(column.id) });
  store.openContextMenu({ ...at, label: 'Columns', entries, returnFocus });
}

export const TableHeader = forwardRef<HTMLDivElement, Props>(function TableHeader(
  { columns, template, sort, onSort },
  ref,
) {
  const draggingColumn = useRef<ColumnId | null>(null);
  const resizeColumn = useSheaf((s) => s.resizeColumn);
  const moveColumn = useSheaf((s) => s.moveColumn);

  return (
    <div className="table-header" ref={ref}>
      <div role="row" aria-rowindex={1} className="header-row" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => {
          const sorted = sort.field === column.sort;
          return (
            <div
              key={column.id}
              role="columnheader"
              aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              className={column.numeric ? 'header-cell numeric' : 'header-cell'}
              draggable
              onDragStart={(event) => {
                draggingColumn.current = column.id;
                event.dataTransfer.setData('application/x-sheaf-column', column.id);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(event) => {
                if (draggingColumn.current && draggingColumn.current !== column.id) {
                  event.preventDefault();
                  event.dataTransfer.dropEffect = 'move';
                }
              }}
              onDrop={(event) => {
                const moving = draggingColumn.current;
                draggingColumn.current = null;
                if (!moving || moving === column.id) return;
                event.preventDefault();
                const rect = event.currentTarget.getBoundingClientRect();
                const after = event.clientX > rect.left + rect.width / 2;
                const index = columns.findIndex((c) => c.id === column.id);
                const before = after ? (columns[index + 1]?.id ?? null) : column.id;
                moveColumn(moving, before);
              }}
              onDragEnd={() => (draggingColumn.current = null)}
              onContextMenu={(event) => {
                event.preventDefault();
                openColumnMenu(column, { x: event.clientX, y: event.clientY }, event.currentTarget);
              }}
            >
              <button
                type="button"
                className="header-button"
                title={`Sort by ${column.label}`}
                onClick={() => onSort(column.sort)}
                onKeyDown={(event) => {
                  if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
                    event.preventDefault();
                    openColumnMenu(column, menuPositionOf(event.currentTarget), event.currentTarget);
                  }
                }}
              >
                <span className="header-label">{column.label}</span>
                {sorted ? (
                  <Icon name={sort.direction === 'asc' ? 'chevronUp' : 'chevronDown'} size={12} />
                ) : null}
              </button>
              <span
                className="resize-handle"
                aria-hidden="true"
                onPointerDown={(event) => {
                  event.preventDefault();
                  event.stopPropagation();
                  const startX = event.clientX;
                  const target = event.currentTarget;
                  const cells = [...(target.closest('.header-row')?.children ?? [])];
                  const rendered = target.parentElement!.getBoundingClientRect().width;
                  // Proportional columns share the room the fixed ones leave.
                  const room = cells.reduce(
                    (sum, cell, i) => sum + (columns[i]?.fixed ? 0 : cell.getBoundingClientRect().width),
                    0,
                  );
                  const othersWidth = columns.reduce(
                    (sum, c) => sum + (c.fixed || c.id === column.id ? 0 : c.width),
                    0,
                  );
                  target.setPointerCapture(event.pointerId);
                  const move = (e: PointerEvent) =>
                    resizeColumn(
                      column.id,
                      column.fixed
                        ? column.width + e.clientX - startX
                        : widthForResize(rendered, room, othersWidth, e.clientX - startX),
                    );
                  const up = () => {
                    target.removeEventListener('pointermove', move);
                    target.removeEventListener('pointerup', up);
                  };
                  target.addEventListener('pointermove', move);
                  target.addEventListener('pointerup', up);
                }}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
