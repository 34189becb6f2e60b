import {
  checkDependencies,
  initiativeHealth,
  layoutRoadmap,
  type HealthAssessment,
  type InitiativeStatus,
} from '@tandem/core';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { valuesOf, type PortfolioTables } from '../data/portfolioSnapshot.js';
import { isoDay } from '../display/format.js';
import { compareNames } from '../display/people.js';
import { afterPaint } from '../app/afterPaint.js';
import type { DependencyLine, RoadmapFilters, RoadmapHealth, RoadmapProps, RoadmapState } from './Roadmap.types.js';
import { moveBarFocus, roadmapRows, rowOffsets, type BarMove, type BarPosition } from './roadmapRows.js';
import { useRowWindow } from './rowWindow.js';
import { dayValue, timeScale, timeTicks, type RoadmapZoom } from './timeScale.js';

const moves = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

/** The roadmap's state: filters, zoom, layout (core's `layoutRoadmap`), health, virtual rows, and keyboard focus. */
export function useRoadmap(props: RoadmapProps, tables: PortfolioTables): RoadmapState {
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const today = isoDay(now);
  const [filters, setFilters] = useState<RoadmapFilters>({ owner: undefined, statuses: [], kind: 'all' });
  const [zoom, setZoom] = useState<RoadmapZoom>('quarters');
  const [monthOffset, setMonthOffset] = useState(-2);
  // The timeline's width in pixels, for the dependency arrows only (the bars are placed in percentages): undefined until
  // the browser has laid the view out, never read before, so that the first bars are drawn without a layout of their own.
  const [width, setWidth] = useState<number>();
  const [active, setActive] = useState<BarPosition>();
  const [selectedKey, select] = useState<string>();
  const scrollRef = useRef<HTMLDivElement>(null);
  const statusLabelId = useId();

  const initiatives = useMemo(() => valuesOf(tables, 'initiative'), [tables]);
  const objectives = useMemo(() => valuesOf(tables, 'objective'), [tables]);
  const checkIns = useMemo(() => valuesOf(tables, 'checkIn'), [tables]);

  const owners = useMemo(() => {
    const byEmail = new Map<string, { email: string; displayName: string }>();
    for (const i of initiatives) {
      for (const p of [i.itOwner, i.businessSponsor]) byEmail.set(p.email.toLowerCase(), p);
    }
    return [...byEmail.values()].sort((a, b) => compareNames(a.displayName, b.displayName));
  }, [initiatives]);

  const shown = useMemo(() => {
    const lanes = filters.kind === 'all' ? objectives : objectives.filter((o) => o.kind === filters.kind);
    const laneKeys = new Set(lanes.map((o) => o.key));
    const owner = filters.owner?.toLowerCase();
    const list = initiatives.filter(
      (i) =>
        (filters.statuses.length === 0 || filters.statuses.includes(i.status)) &&
        (!owner || i.itOwner.email.toLowerCase() === owner || i.businessSponsor.email.toLowerCase() === owner) &&
        (filters.kind === 'all' || i.objectiveKeys.some((k) => laneKeys.has(k))),
    );
    return { lanes, list };
  }, [initiatives, objectives, filters]);

  const layout = useMemo(() => layoutRoadmap(shown.list, shown.lanes), [shown]);
  const rows = useMemo(() => roadmapRows(layout), [layout]);

  // Health is assessed when a bar is drawn, not for every initiative up front: each assessment looks through the
  // check-ins, and the virtualised roadmap draws only the rows on screen.
  const health = useMemo<RoadmapHealth>(() => {
    const byKey = new Map(shown.list.map((i) => [i.key, i]));
    const assessed = new Map<string, HealthAssessment>();
    return {
      get(key) {
        let found = assessed.get(key);
        const initiative = found ? undefined : byKey.get(key);
        if (initiative) {
          found = initiativeHealth(initiative, { now, checkIns });
          assessed.set(key, found);
        }
        return found;
      },
    };
  }, [shown.list, now, checkIns]);
  const initiativesByKey = useMemo(() => new Map(initiatives.map((i) => [i.key, i])), [initiatives]);

  const ticks = useMemo(() => {
    if (zoom === 'months') {
      const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthOffset, 1));
      const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthOffset + 12, 0));
      return timeTicks(isoDay(first), isoDay(last), 'months');
    }
    const first = layout.quarters[0]?.start ?? `${now.getUTCFullYear()}-01-01`;
    const last = layout.quarters[layout.quarters.length - 1]?.end ?? `${now.getUTCFullYear()}-12-31`;
    return timeTicks(first < today ? first : today, last > today ? last : today, 'quarters');
  }, [zoom, monthOffset, layout.quarters, now, today]);

  const scale = useMemo(() => timeScale(ticks), [ticks]);
  const rangeStart = ticks[0]?.start ?? today;
  const rangeEnd = ticks[ticks.length - 1]?.end ?? today;
  const todayX = today >= rangeStart && today < rangeEnd ? scale.x(today) : undefined;

  // The arrows follow the view's width; the bars, in percentages, follow it without being drawn again.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(entry.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Only the rows in view are drawn (and a few either side): thousands of initiatives cost what a screenful does.
  const offsets = useMemo(() => rowOffsets(rows), [rows]);
  const rowWindow = useRowWindow(offsets, scrollRef, 6);

  // The dependency arrows are not needed for the first bars: where they run, and which run late, are worked out once
  // the bars have been painted (the arrows follow a frame later), then with each filter change as it is made.
  const [firstDrawn, setFirstDrawn] = useState(false);
  useEffect(() => afterPaint(() => setFirstDrawn(true)), []);
  // Which dependencies run late, and where each bar sits, do not depend on the view's width: they are worked out once
  // per filter, not again when the first measure (or a resize) changes the scale.
  const late = useMemo(
    () =>
      firstDrawn
        ? new Set(
            checkDependencies(shown.list).flatMap((d) => (d.kind === 'ordering' ? [`${d.dependsOn}>${d.key}`] : [])),
          )
        : new Set<string>(),
    [shown.list, firstDrawn],
  );
  const places = useMemo(() => {
    // Where each bar is drawn first (an initiative serving two objectives shows in both lanes; arrows use the first).
    const place = new Map<string, { y: number; start: string; end: string }>();
    if (!firstDrawn) return place;
    rows.forEach((row, i) => {
      if (row.type !== 'bars') return;
      const y = (offsets[i]! + offsets[i + 1]!) / 2;
      for (const bar of row.bars) if (!place.has(bar.key)) place.set(bar.key, { y, start: bar.start, end: bar.end });
    });
    return place;
  }, [rows, offsets, firstDrawn]);
  const dependencies = useMemo(() => {
    const lines: DependencyLine[] = [];
    if (width === undefined) return lines;
    for (const i of shown.list) {
      const to = places.get(i.key);
      if (!to) continue;
      for (const dep of i.dependsOn) {
        const from = places.get(dep);
        if (!from) continue;
        lines.push({
          from: dep,
          to: i.key,
          x1: scale.xEnd(from.end) * width,
          y1: from.y,
          x2: scale.x(to.start) * width,
          y2: to.y,
          late: late.has(`${dep}>${i.key}`),
        });
      }
    }
    return lines;
  }, [shown.list, places, late, scale, width]);

  // Keep the roving tab stop on a bar that still exists after filtering.
  useEffect(() => {
    const row = active && rows[active.rowIndex];
    if (active && (!row || row.type !== 'bars' || !row.bars[active.barIndex])) setActive(undefined);
  }, [rows, active]);

  const focusBar = useCallback(
    (position: BarPosition) => {
      setActive(position);
      rowWindow.scrollToRow(position.rowIndex);
      // The bar may only exist once its row has been drawn.
      const tryFocus = (attempt: number) => {
        const el = scrollRef.current?.querySelector<HTMLElement>(
          `[data-bar-position="${position.rowIndex}:${position.barIndex}"]`,
        );
        if (el) el.focus();
        else if (attempt < 5) requestAnimationFrame(() => tryFocus(attempt + 1));
      };
      requestAnimationFrame(() => tryFocus(0));
    },
    [rowWindow],
  );

  const onBarKeyDown = useCallback(
    (event: KeyboardEvent, position: BarPosition) => {
      if (moves.has(event.key)) {
        event.preventDefault();
        focusBar(moveBarFocus(rows, position, event.key as BarMove));
      } else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        const row = rows[position.rowIndex];
        if (row?.type === 'bars') select(row.bars[position.barIndex]?.key);
      }
    },
    [rows, focusBar],
  );

  const shiftWindow = useCallback((months: number) => setMonthOffset((m) => m + months), []);
  const toggleStatus = useCallback(
    (status: InitiativeStatus) =>
      setFilters((f) => ({
        ...f,
        statuses: f.statuses.includes(status) ? f.statuses.filter((s) => s !== status) : [...f.statuses, status],
      })),
    [],
  );

  return {
    props,
    tables,
    now,
    filters,
    setFilters,
    toggleStatus,
    owners,
    zoom,
    setZoom,
    shiftWindow,
    ticks,
    scale,
    width,
    statusLabelId,
    todayX,
    rows,
    initiativeCount: shown.list.length,
    health,
    initiativesByKey,
    dependencies,
    rowWindow,
    scrollRef,
    active,
    onBarKeyDown,
    onBarFocus: setActive,
    selectedKey,
    select,
  };
}

/** Whether a bar from `start` to `end` shows at all in the range of `ticks`. */
export function barVisible(start: string, end: string, rangeStart: string, rangeEnd: string): boolean {
  return dayValue(end) >= dayValue(rangeStart) && dayValue(start) < dayValue(rangeEnd);
}
