// One row of the sidebar's tree: icon, label, count; selectable, and optionally a drop
// target (items, collections) with a highlight while something hovers over it.
import { useState, type ReactNode } from 'react';
import { Icon, type IconName } from '../common/Icon';

export interface DropHandlers {
  /** The drop effect for what is dragged over, or undefined to refuse it. */
  accept(event: React.DragEvent): 'copy' | 'move' | undefined;
  drop(event: React.DragEvent): void;
}

interface Props {
  icon: IconName;
  label: ReactNode;
  title?: string;
  count?: number | string;
  countTestId?: string;
  selected: boolean;
  level?: number;
  expanded?: boolean;
  onToggle?: () => void;
  onActivate: () => void;
  onContextMenu?: (event: React.MouseEvent | React.KeyboardEvent) => void;
  onKeyDown?: (event: React.KeyboardEvent) => void;
  drop?: DropHandlers;
  dragProps?: Pick<React.HTMLAttributes<HTMLDivElement>, 'draggable' | 'onDragStart' | 'onDragEnd'>;
  testId?: string;
}

export function SidebarRow(props: Props) {
  const [dropping, setDropping] = useState<'copy' | 'move'>();
  const level = props.level ?? 1;
  const className = ['sidebar-row', props.selected && 'selected', dropping && `drop-${dropping}`]
    .filter(Boolean)
    .join(' ');
  const dropEvents = props.drop
    ? {
        onDragOver(event: React.DragEvent) {
          const effect = props.drop!.accept(event);
          if (!effect) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = effect;
          setDropping(effect);
        },
        onDragLeave() {
          setDropping(undefined);
        },
        onDrop(event: React.DragEvent) {
          setDropping(undefined);
          if (!props.drop!.accept(event)) return;
          event.preventDefault();
          props.drop!.drop(event);
        },
      }
    : {};
  return (
    <div
      role="treeitem"
      aria-selected={props.selected}
      aria-level={level}
      aria-expanded={props.expanded}
      tabIndex={props.selected ? 0 : -1}
      className={className}
      title={props.title}
      data-testid={props.testId}
      style={{ paddingInlineStart: 8 + (level - 1) * 14 }}
      onClick={props.onActivate}
      onContextMenu={(event) => {
        if (!props.onContextMenu) return;
        event.preventDefault();
        props.onContextMenu(event);
      }}
      onKeyDown={(event) => {
        props.onKeyDown?.(event);
        if (event.defaultPrevented) return;
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          props.onActivate();
        } else if (
          (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) &&
          props.onContextMenu
        ) {
          event.preventDefault();
          props.onContextMenu(event);
        } else if (props.onToggle && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
          if ((event.key === 'ArrowRight') !== Boolean(props.expanded)) {
            event.preventDefault();
            props.onToggle();
          }
        }
      }}
      {...dropEvents}
      {...props.dragProps}
    >
      {props.onToggle ? (
        <span
          className="disclosure"
          aria-hidden="true"
          onClick={(event) => {
            event.stopPropagation();
            props.onToggle!();
          }}
        >
          <Icon name={props.expanded ? 'chevronDown' : 'chevronRight'} size={12} />
        </span>
      ) : (
        <span className="disclosure" aria-hidden="true" />
      )}
      <Icon name={props.icon} className="row-icon" />
      <span className="sidebar-label">{props.label}</span>
      {props.count !== undefined ? (
        <span className="count" data-testid={props.countTestId}>
          {props.count}
        </span>
      ) : null}
    </div>
  );
}
