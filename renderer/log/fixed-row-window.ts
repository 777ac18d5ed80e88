/**
 * Which rows of a fixed-height list are in view. Written here rather than taken from @tanstack/react-virtual:
 * that library recomputes the position of every row whenever the row count changes, so a log growing to
 * 1,000,000 lines cost a pass over a million rows (and a 16 MB array) per frame, 100–500 ms long tasks in
 * the benchmark. With every row LINE_HEIGHT tall, the rows in view follow from the scroll position alone.
 */
import { useCallback, useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

export interface RowWindow {
  /** First and one-past-last row index to render (overscan included). */
  first: number;
  last: number;
}

/** The rows to render for a viewport scrolled to `top` and `height` tall (a screenful when not laid out yet). */
export function rowsInView(count: number, rowHeight: number, top: number, height: number, overscan: number): RowWindow {
  const visible = Math.ceil((height > 0 ? height : rowHeight * 20) / rowHeight);
  const first = Math.max(0, Math.min(count, Math.floor(top / rowHeight)) - overscan);
  return { first, last: Math.min(count, first + overscan + visible + overscan) };
}

/** Tracks the viewport's scroll position and height; `onScroll` must be called from the element's scroll event. */
export function useViewport(ref: RefObject<HTMLElement | null>): { top: number; height: number; onScroll: () => void } {
  const [view, setView] = useState({ top: 0, height: 0 });
  const read = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    setView((v) =>
      v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
    );
  }, [ref]);
  useLayoutEffect(() => {
    read();
    const el = ref.current;
    if (!el || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(() => read());
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, read]);
  return { ...view, onScroll: read };
}
