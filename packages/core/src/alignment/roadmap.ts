import type { Initiative } from '../model/initiative.js';
import type { InitiativeStatus } from '../model/vocabulary.js';
import type { Objective } from '../model/objective.js';
import { dayNumber, isoDateOf } from './dates.js';

/** A calendar quarter on the roadmap's time axis. */
export interface RoadmapQuarter {
  /** `2026 Q1` */
  label: string;
  start: string;
  end: string;
}

/** One initiative's bar in a lane. */
export interface RoadmapBar {
  key: string;
  title: string;
  start: string;
  end: string;
  status: InitiativeStatus;
  /** The row in its lane, from 0; bars in one row never overlap. */
  row: number;
}

/** The initiatives of one objective (or of none: `objectiveKey` undefined). */
export interface RoadmapLane {
  objectiveKey: string | undefined;
  title: string;
  rows: number;
  bars: RoadmapBar[];
}

/** A roadmap ready to draw. */
export interface RoadmapLayout {
  /** The whole quarters the bars fall in (empty when there are none). */
  quarters: RoadmapQuarter[];
  lanes: RoadmapLane[];
}

/**
 * Lays out a roadmap: a lane per objective (in the order given; an initiative serving several objectives shows in each),
 * then a lane for initiatives aligned to none; quarters spanning every bar; and in each lane, bars placed in the
 * fewest rows so that none overlap (dates are inclusive, so a bar ending on the day another starts overlaps it).
 * Cancelled initiatives are left out unless `includeCancelled`; lanes without bars are dropped.
 */
export function layoutRoadmap(
  initiatives: readonly Pick<Initiative, 'key' | 'title' | 'start' | 'end' | 'status' | 'objectiveKeys'>[],
  objectives: readonly Pick<Objective, 'key' | 'title'>[],
  options: { includeCancelled?: boolean } = {},
): RoadmapLayout {
  const shown = initiatives.filter((i) => options.includeCancelled || i.status !== 'cancelled');
  const known = new Set(objectives.map((o) => o.key));
  const lanes: RoadmapLane[] = [];
  const byObjective = new Map<string, (typeof shown)[number][]>();
  const unaligned: (typeof shown)[number][] = [];
  for (const i of shown) {
    let aligned = false;
    const keys = i.objectiveKeys;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      // A key listed twice counts once (an initiative has a key or two: a scan beats a Set per initiative).
      if (!known.has(key) || keys.indexOf(key) !== k) continue;
      aligned = true;
      const list = byObjective.get(key);
      if (list) list.push(i);
      else byObjective.set(key, [i]);
    }
    if (!aligned) unaligned.push(i);
  }
  for (const objective of objectives) {
    const bars = byObjective.get(objective.key);
    if (bars?.length) lanes.push(placeRows(objective.key, objective.title, bars));
    byObjective.delete(objective.key); // an objective listed twice gets one lane
  }
  if (unaligned.length) lanes.push(placeRows(undefined, 'Not aligned to an objective', unaligned));
  return { quarters: quartersSpanning(shown), lanes };
}

function placeRows(
  objectiveKey: string | undefined,
  title: string,
  initiatives: readonly Pick<Initiative, 'key' | 'title' | 'start' | 'end' | 'status'>[],
): RoadmapLane {
  const sorted = [...initiatives].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.end < b.end ? -1 : a.end > b.end ? 1 : a.key < b.key ? -1 : 1,
  );
  // Interval partitioning: reuse the row that frees up first (a min-heap on end date, then row), which also
  // gives the fewest rows.
  const free = new RowHeap();
  let rows = 0;
  const bars = sorted.map((i): RoadmapBar => {
    const top = free.peek();
    let row: number;
    if (top && top.end < i.start) {
      row = top.row;
      free.replaceTop({ end: i.end, row });
    } else {
      row = rows++;
      free.push({ end: i.end, row });
    }
    return { key: i.key, title: i.title, start: i.start, end: i.end, status: i.status, row };
  });
  return { objectiveKey, title, rows, bars };
}

function quartersSpanning(initiatives: readonly Pick<Initiative, 'start' | 'end'>[]): RoadmapQuarter[] {
  if (initiatives.length === 0) return [];
  let first = initiatives[0]!.start;
  let last = initiatives[0]!.end;
  for (const i of initiatives) {
    if (i.start < first) first = i.start;
    if (i.end > last) last = i.end;
  }
  const quarters: RoadmapQuarter[] = [];
  let year = Number(first.slice(0, 4));
  let q = Math.floor((Number(first.slice(5, 7)) - 1) / 3);
  for (;;) {
    const start = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    if (start > last) break;
    const nextStart = q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`;
    quarters.push({ label: `${year} Q${q + 1}`, start, end: isoDateOf(dayNumber(nextStart) - 1) });
    if (++q === 4) {
      q = 0;
      year++;
    }
  }
  return quarters;
}

/** A binary min-heap of rows by the day their last bar ends (then by row number, so placement is stable). */
class RowHeap {
  private readonly items: { end: string; row: number }[] = [];

  peek(): { end: string; row: number } | undefined {
    return this.items[0];
  }

  push(item: { end: string; row: number }): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(items[i]!, items[parent]!)) break;
      swap(items, i, parent);
      i = parent;
    }
  }

  replaceTop(item: { end: string; row: number }): void {
    const items = this.items;
    items[0] = item;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < items.length && less(items[l]!, items[smallest]!)) smallest = l;
      if (r < items.length && less(items[r]!, items[smallest]!)) smallest = r;
      if (smallest === i) return;
      swap(items, i, smallest);
      i = smallest;
    }
  }
}

function swap<T>(items: T[], a: number, b: number): void {
  const held = items[a]!;
  items[a] = items[b]!;
  items[b] = held;
}

function less(a: { end: string; row: number }, b: { end: string; row: number }): boolean {
  return a.end < b.end || (a.end === b.end && a.row < b.row);
}
