// The rows a scrolling list shows: its viewport (followed with a ResizeObserver), its
// scroll position, and the frame of rows to render (lib/windowing). Re-renders only when
// the rendered rows change, not on every scrolled pixel.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { frameFor, type WindowFrame, type WindowInput } from '../../lib/windowing';

export interface VirtualFrame {
  frame: WindowFrame;
  /** The frame's inputs, for scrolling a row into view. */
  input: WindowInput;
  viewport: number;
  onScroll: () => void;
}

export function useVirtualFrame(
  scrollerRef: RefObject<HTMLElement | null>,
  options: {
    count: number;
    rowHeight: number;
    overscan: number;
    resetKey: unknown;
    onScrollX?: (left: number) => void;
  },
): VirtualFrame {
  const { count, rowHeight, overscan, resetKey } = options;
  const [viewport, setViewport] = useState(600);
  const [scrollTop, setScrollTop] = useState(0);
  const input = { scrollTop, viewportHeight: viewport, rowHeight, count, overscan };
  const frame = frameFor(input);

  // Read by the scroll handler, which must not wait for a render.
  const latest = useRef({ frame, viewport, count, onScrollX: options.onScrollX });
  useLayoutEffect(() => {
    latest.current = { frame, viewport, count, onScrollX: options.onScrollX };
  });

  // Another list (new query) starts at the top; a refresh of the same one keeps its place.
  const [shownKey, setShownKey] = useState(resetKey);
  if (shownKey !== resetKey) {
    setShownKey(resetKey);
    setScrollTop(0);
  }
  useLayoutEffect(() => {
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [resetKey, scrollerRef]);

  useLayoutEffect(() => {
    const element = scrollerRef.current;
    if (!element) return;
    // The observer reports the size once when observing starts, then on every change.
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [scrollerRef]);

  const onScroll = () => {
    const element = scrollerRef.current;
    if (!element) return;
    const current = latest.current;
    current.onScrollX?.(element.scrollLeft);
    const next = frameFor({
      scrollTop: element.scrollTop,
      viewportHeight: current.viewport,
      rowHeight,
      count: current.count,
      overscan,
    });
    // Only a change of rendered rows (or, when scaled, of their offset) re-renders.
    if (
      next.first !== current.frame.first ||
      next.last !== current.frame.last ||
      next.firstTop !== current.frame.firstTop
    )
      setScrollTop(element.scrollTop);
  };

  return { frame, input, viewport, onScroll };
}
