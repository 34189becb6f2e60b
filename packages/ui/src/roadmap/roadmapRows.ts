import type { RoadmapBar, RoadmapLane, RoadmapLayout } from '@tandem/core';

/** Height of a lane's heading row, in pixels. */
export const LANE_ROW_HEIGHT = 40;
/** Height of a row of bars, in pixels. */
export const BAR_ROW_HEIGHT = 36;

/** One row of the virtualised roadmap: a lane's heading, or one row of its bars. */
export type RoadmapRow =
  { type: 'lane'; lane: RoadmapLane } | { type: 'bars'; lane: RoadmapLane; row: number; bars: RoadmapBar[] };

/** The rows to draw for a layout: each lane's heading, then its rows of bars (bars in start order within a row). */
export function roadmapRows(layout: RoadmapLayout): RoadmapRow[] {
  const rows: RoadmapRow[] = [];
  for (const lane of layout.lanes) {
    rows.push({ type: 'lane', lane });
    const byRow: RoadmapBar[][] = Array.from({ length: lane.rows }, () => []);
    for (const bar of lane.bars) byRow[bar.row]?.push(bar);
    byRow.forEach((bars, row) => {
      bars.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
      rows.push({ type: 'bars', lane, row, bars });
    });
  }
  return rows;
}

/** The height of row `row`. */
function rowHeight(row: RoadmapRow | undefined): number {
  return row?.type === 'lane' ? LANE_ROW_HEIGHT : BAR_ROW_HEIGHT;
}

/** Where each row starts, in pixels from the top of the timeline, then (last) where the last row ends. */
export function rowOffsets(rows: readonly RoadmapRow[]): number[] {
  const starts = new Array<number>(rows.length + 1);
  starts[0] = 0;
  for (let i = 0; i < rows.length; i++) starts[i + 1] = starts[i]! + rowHeight(rows[i]);
  return starts;
}

/** Where keyboard focus sits: a bar, by its row in `roadmapRows` and its place in that row. */
export interface BarPosition {
  rowIndex: number;
  barIndex: number;
}

/** Keys that move between bars. */
export type BarMove = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

/**
 * The bar focus moves to from `from` on `move`: left and right follow reading order (wrapping to the neighbouring row),
 * up and down go to the nearest bar (by start) in the previous or next row of bars, Home and End to the first and last bar.
 * Returns `from` when there is nowhere to go.
 */
export function moveBarFocus(rows: readonly RoadmapRow[], from: BarPosition, move: BarMove): BarPosition {
  const barRows = rows.flatMap((r, i) => (r.type === 'bars' && r.bars.length ? [i] : []));
  if (barRows.length === 0) return from;
  const at = barRows.indexOf(from.rowIndex);
  const barsOf = (rowIndex: number) => (rows[rowIndex] as Extract<RoadmapRow, { type: 'bars' }>).bars;
  switch (move) {
    case 'Home':
      return { rowIndex: barRows[0]!, barIndex: 0 };
    case 'End': {
      const last = barRows[barRows.length - 1]!;
      return { rowIndex: last, barIndex: barsOf(last).length - 1 };
    }
    case 'ArrowRight': {
      if (at === -1) return from;
      if (from.barIndex + 1 < barsOf(from.rowIndex).length) return { ...from, barIndex: from.barIndex + 1 };
      const next = barRows[at + 1];
      return next === undefined ? from : { rowIndex: next, barIndex: 0 };
    }
    case 'ArrowLeft': {
      if (at === -1) return from;
      if (from.barIndex > 0) return { ...from, barIndex: from.barIndex - 1 };
      const prev = barRows[at - 1];
      return prev === undefined ? from : { rowIndex: prev, barIndex: barsOf(prev).length - 1 };
    }
    case 'ArrowUp':
    case 'ArrowDown': {
      const target = barRows[at + (move === 'ArrowDown' ? 1 : -1)];
      if (at === -1 || target === undefined) return from;
      const start = barsOf(from.rowIndex)[from.barIndex]?.start ?? '';
      const bars = barsOf(target);
      let best = 0;
      bars.forEach((b, i) => {
        if (Math.abs(dayDiff(b.start, start)) < Math.abs(dayDiff(bars[best]!.start, start))) best = i;
      });
      return { rowIndex: target, barIndex: best };
    }
  }
}

function dayDiff(a: string, b: string): number {
  return (Date.parse(a) - Date.parse(b)) / 86_400_000 || 0;
}
