import type { Initiative, InitiativeStatus } from '../model/initiative.js';
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
  for (const objective of objectives) {
    const bars = shown.filter((i) => i.objectiveKeys.includes(objective.key));
    if (bars.length) lanes.push(placeRows(objective.key, objective.title, bars));
  }
  const unaligned = shown.filter((i) => !i.objectiveKeys.some((k) => known.has(k)));
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
  const rowEnds: string[] = [];
  const bars = sorted.map((i): RoadmapBar => {
    let row = rowEnds.findIndex((end) => end < i.start);
    if (row === -1) row = rowEnds.push(i.end) - 1;
    else rowEnds[row] = i.end;
    return { key: i.key, title: i.title, start: i.start, end: i.end, status: i.status, row };
  });
  return { objectiveKey, title, rows: rowEnds.length, bars };
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
