// One row of the item table (memoised: scrolling re-renders only rows that change). Its
// columns' widths come from the --columns variable of the rows' container.
import { memo } from 'react';
import type { ListRow } from '../../../../shared/views';
import type { ShownColumn } from '../../lib/columns';

export const ROW_HEIGHT = 26;

interface Props {
  index: number;
  row: ListRow | undefined;
  /** A slot the current frame does not need: kept mounted, hidden. */
  spare?: boolean;
  selected: boolean;
  focused: boolean;
  columns: readonly ShownColumn[];
}

export const TableRow = memo(function TableRow({ index, row, spare, selected, focused, columns }: Props) {
  const className = [
    'row',
    index % 2 === 1 && 'odd',
    selected && 'selected',
    focused && 'focused',
    !row && 'placeholder',
    spare && 'spare',
  ]
    .filter(Boolean)
    .join(' ');
  if (spare)
    return (
      <div
        className={className}
        aria-hidden="true"
        style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      />
    );
  return (
    <div
      id={`row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={className}
      data-index={index}
      data-id={row?.id}
      draggable={row ? true : undefined}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="gridcell"
          className={column.numeric ? `cell cell-${column.id} numeric` : `cell cell-${column.id}`}
        >
          {row ? column.text(row, index) || '\u00a0' : '\u00a0'}
        </div>
      ))}
    </div>
  );
});
