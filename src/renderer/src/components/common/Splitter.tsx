// A draggable (and keyboard-adjustable) divider between two panes.
import { useRef } from 'react';

interface Props {
  label: string;
  value: number;
  /** +1: dragging right widens the pane (left pane); -1: narrows it (right pane). */
  direction: 1 | -1;
  onChange: (value: number) => void;
}

export function Splitter({ label, value, direction, onChange }: Props) {
  const start = useRef<{ x: number; value: number } | null>(null);
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      tabIndex={0}
      onPointerDown={(event) => {
        start.current = { x: event.clientX, value };
        event.currentTarget.setPointerCapture(event.pointerId);
      }}
      onPointerMove={(event) => {
        if (start.current) onChange(start.current.value + direction * (event.clientX - start.current.x));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 40 : 10;
        if (event.key === 'ArrowLeft') onChange(value - direction * step);
        else if (event.key === 'ArrowRight') onChange(value + direction * step);
        else return;
        event.preventDefault();
      }}
    />
  );
}
