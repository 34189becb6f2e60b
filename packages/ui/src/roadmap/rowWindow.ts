import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';

/** A row drawn by {@link useRowWindow}: its index, and where it sits in the scroll area (pixels from the top). */
export interface WindowRow {
  index: number;
  start: number;
  size: number;
}

/** The rows to draw now, the height of all of them, and a way to bring one into view. */
export interface RowWindow {
  rows: WindowRow[];
  totalSize: number;
  /** Scrolls the least that shows row `index` whole (not at all when it is). */
  scrollToRow(index: number): void;
}

/**
 * Rows drawn a window at a time, by where each starts (`offsets`, then where the last ends; see `rowOffsets`): those in the scroll area's view and `overscan` more either side, so
 * that thousands of rows cost what a screenful does. The view is first taken as the window's height (the area is never
 * taller), then heard from a `ResizeObserver` and the area's scroll events: nothing reads a size as the rows are first
 * drawn, which would make the browser lay the page out there and then, while the first rows wait to be shown. A scroll
 * that keeps the same rows in the window draws nothing again.
 */
export function useRowWindow(
  offsets: readonly number[],
  scrollRef: RefObject<HTMLElement>,
  overscan: number,
): RowWindow {
  const [view, setView] = useState(() => ({
    top: 0,
    height: typeof window === 'undefined' ? 0 : window.innerHeight,
  }));

  useEffect(() => {
    const area = scrollRef.current;
    if (!area) return;
    const onScroll = () => setView((v) => (v.top === area.scrollTop ? v : { ...v, top: area.scrollTop }));
    area.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(([entry]) => {
      const height = entry ? Math.round(entry.contentRect.height) : 0;
      setView((v) => (v.height === height ? v : { ...v, height }));
    });
    observer.observe(area);
    return () => {
      area.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef]);

  const count = offsets.length - 1;
  const first = Math.max(0, rowAt(offsets, view.top) - overscan);
  const last = Math.min(count - 1, rowAt(offsets, view.top + view.height) + overscan);
  const rows = useMemo(() => {
    const shown: WindowRow[] = [];
    for (let index = first; index <= last; index++)
      shown.push({ index, start: offsets[index]!, size: offsets[index + 1]! - offsets[index]! });
    return shown;
  }, [first, last, offsets]);

  const scrollToRow = useCallback(
    (index: number) => {
      const area = scrollRef.current;
      if (!area || index < 0 || index >= count) return;
      const start = offsets[index]!;
      const end = offsets[index + 1]!;
      if (start < area.scrollTop) area.scrollTop = start;
      else if (end > area.scrollTop + area.clientHeight) area.scrollTop = end - area.clientHeight;
    },
    [scrollRef, offsets, count],
  );

  return { rows, totalSize: offsets[count]!, scrollToRow };
}

/** The row at `y` pixels from the top (the last row below the end): a binary search of the rows' starts. */
function rowAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (offsets[mid]! <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}
