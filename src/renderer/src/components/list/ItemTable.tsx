// The item list: a virtualised grid over the list source. Only the rows on screen exist
// in the DOM; their pages are read from main as they come into view (lib/list-source,
// lib/windowing). Input handling: useTableInput.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { gridTemplate, minimumWidth, nextSort, showsPosition, shownColumns } from '../../lib/columns';
import { defaultSort, sortMemoryKey } from '../../lib/views';
import { scrollTopFor } from '../../lib/windowing';
import { useSheaf } from '../../store';
import { rowAt } from '../../store/list-slice';
import { ListEmpty } from './ListEmpty';
import { TableHeader } from './TableHeader';
import { ROW_HEIGHT, TableRow } from './TableRow';
import { useTableInput } from './useTableInput';
import { useVirtualFrame } from './useVirtualFrame';

const OVERSCAN = 6;

export function ItemTable() {
  const list = useSheaf((s) => s.list);
  const prefs = useSheaf((s) => s.preferences.columns);
  const sorts = useSheaf((s) => s.preferences.sorts);
  const spec = useSheaf((s) => (s.view.kind === 'items' ? s.view.spec : undefined));
  const selection = useSheaf((s) => s.selection);
  const setVisibleRows = useSheaf((s) => s.setVisibleRows);

  const sort = useMemo(
    () => (spec ? (sorts[sortMemoryKey(spec)] ?? defaultSort(spec)) : undefined),
    [spec, sorts],
  );
  const shownSearch = list.query?.search ?? '';
  const columns = useMemo(
    () => shownColumns(prefs, !!spec && !!sort && showsPosition(spec, sort, shownSearch)),
    [prefs, spec, sort, shownSearch],
  );
  const template = gridTemplate(columns);
  const contentWidth = minimumWidth(columns);

  const scrollerRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const ghostRef = useRef<HTMLDivElement>(null);
  const { frame, input, viewport, onScroll } = useVirtualFrame(scrollerRef, {
    count: list.count,
    rowHeight: ROW_HEIGHT,
    overscan: OVERSCAN,
    resetKey: list.key,
    onScrollX: (left) => {
      const header = headerRef.current;
      if (header && header.scrollLeft !== left) header.scrollLeft = left;
    },
  });
  const { keyboardMoveRef, handlers } = useTableInput({
    spec,
    viewport,
    rowHeight: ROW_HEIGHT,
    scrollerRef,
    ghostRef,
  });

  useEffect(
    () => setVisibleRows(frame.first, frame.last),
    [frame.first, frame.last, list.key, setVisibleRows],
  );

  // Keyboard moves keep the focused row in view.
  useLayoutEffect(() => {
    const element = scrollerRef.current;
    if (!keyboardMoveRef.current || !element || selection.focus === null) return;
    keyboardMoveRef.current = false;
    const top = scrollTopFor({ ...input, scrollTop: element.scrollTop }, selection.focus);
    if (top !== element.scrollTop) element.scrollTop = top;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection.focus]);

  // Rows are placed absolutely and rendered in slot order: scrolling re-fills the same
  // elements with other rows, and never moves, creates or removes elements (the cheapest
  // DOM work per frame). There are as many slots as the longest frame; a slot the frame
  // does not need stays mounted, hidden.
  const slots = Math.ceil(viewport / ROW_HEIGHT) + 2 * OVERSCAN + 1;
  const rows = [];
  for (let slot = 0; slot < slots; slot++) {
    const index = frame.first + ((((slot - frame.first) % slots) + slots) % slots);
    const spare = index > frame.last;
    const row = spare ? undefined : rowAt(index);
    rows.push(
      <TableRow
        key={slot}
        index={index}
        row={row}
        spare={spare}
        selected={row ? selection.ids.has(row.id) : false}
        focused={!spare && selection.focus === index}
        columns={columns}
      />,
    );
  }

  const activeRow =
    selection.focus !== null && selection.focus >= frame.first && selection.focus <= frame.last
      ? `row-${selection.focus}`
      : undefined;

  return (
    <div className="item-table">
      {sort ? (
        <TableHeader
          ref={headerRef}
          columns={columns}
          template={template}
          sort={sort}
          onSort={(field) => spec && useSheaf.getState().setSort(spec, nextSort(sort, field))}
        />
      ) : null}
      <div
        ref={scrollerRef}
        className="table-scroller"
        role="grid"
        aria-label="Items"
        aria-rowcount={list.countKnown ? list.count + 1 : -1}
        aria-colcount={columns.length}
        aria-multiselectable="true"
        aria-busy={list.loading || undefined}
        aria-activedescendant={activeRow}
        tabIndex={0}
        data-testid="item-list"
        data-search={shownSearch}
        data-loading={list.loading ? 'true' : 'false'}
        data-count={list.countKnown ? list.count : undefined}
        onScroll={onScroll}
        {...handlers}
      >
        <div className="table-spacer" style={{ height: frame.spacerHeight, minWidth: contentWidth }}>
          <div
            className="table-rows"
            style={{
              // Rows sit at index × height; past the browser's height limit the list is
              // scaled (lib/windowing) and this offset maps them back into view.
              transform: `translateY(${frame.firstTop - frame.first * ROW_HEIGHT}px)`,
              minWidth: contentWidth,
              ['--columns' as string]: template,
            }}
          >
            {rows}
          </div>
        </div>
        <ListEmpty />
      </div>
      <div ref={ghostRef} className="drag-ghost" aria-hidden="true" />
    </div>
  );
}
