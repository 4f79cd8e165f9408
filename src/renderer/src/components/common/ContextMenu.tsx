// The one open context menu (store.contextMenu): positioned at the pointer (or the
// focused row), kept on screen, driven by arrows, Enter and Escape.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useSheaf } from '../../store';
import type { MenuItem } from '../../store/ui-slice';

export function ContextMenu() {
  const menu = useSheaf((s) => s.contextMenu);
  const close = useSheaf((s) => s.closeContextMenu);
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number }>();

  useLayoutEffect(() => {
    const element = ref.current;
    if (!menu || !element) return;
    const { width, height } = element.getBoundingClientRect();
    setPosition({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - height - 4)),
    });
  }, [menu]);

  // Focus the first item once the menu is placed (a hidden element takes no focus).
  useEffect(() => {
    if (position)
      ref.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, [position]);

  useEffect(() => {
    if (!menu) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) close();
    };
    const onBlur = () => close();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
    };
  }, [menu, close]);

  if (!menu) return null;

  const activate = (item: MenuItem) => {
    if (item.disabled) return;
    close();
    item.run();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const items = [
      ...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? []),
    ];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') focus(index + 1);
    else if (event.key === 'ArrowUp') focus(index - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={menu.label}
      onKeyDown={onKeyDown}
      style={position ?? { left: menu.x, top: menu.y, visibility: 'hidden' }}
    >
      {menu.entries.map((entry, index) =>
        entry === 'separator' ? (
          <div key={`separator-${index}`} className="menu-separator" role="separator" />
        ) : (
          <div
            key={entry.label}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={entry.disabled ? 'true' : undefined}
            className={entry.danger ? 'menu-item danger' : 'menu-item'}
            onClick={() => activate(entry)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                activate(entry);
              }
            }}
          >
            <span>{entry.label}</span>
            {entry.shortcut ? <kbd className="menu-shortcut">{entry.shortcut}</kbd> : null}
          </div>
        ),
      )}
    </div>
  );
}

/** Opens `entries` for a keyboard user at the focused element. */
export function menuPositionOf(element: Element): { x: number; y: number } {
  const rect = element.getBoundingClientRect();
  return { x: rect.left + 24, y: rect.bottom - 4 };
}
