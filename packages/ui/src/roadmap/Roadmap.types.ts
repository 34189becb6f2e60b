import type { HealthAssessment, Initiative, InitiativeStatus, Objective } from '@tandem/core';
import type { KeyboardEvent, RefObject } from 'react';
import type { ViewProps } from '../app/viewProps.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import type { BarPosition, RoadmapRow } from './roadmapRows.js';
import type { RowWindow } from './rowWindow.js';
import type { RoadmapZoom, TimeScale, TimeTick } from './timeScale.js';

/** Props of {@link Roadmap}. */
export type RoadmapProps = ViewProps;

/** What the user filters the roadmap by. */
export interface RoadmapFilters {
  /** Email of an IT owner or business sponsor; undefined for everyone. */
  owner: string | undefined;
  /** Statuses shown; empty for all. */
  statuses: InitiativeStatus[];
  /** Objective kind shown. */
  kind: 'all' | Objective['kind'];
}

/** A dependency arrow, from the end of `from` to the start of `to`, in pixels of the timeline (drawn once its width is known). */
export interface DependencyLine {
  from: string;
  to: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The dependency ends after the dependent starts (core's `checkDependencies` ordering issue). */
  late: boolean;
}

/** The roadmap's state (see `useRoadmap`). */
export interface RoadmapState {
  props: RoadmapProps;
  tables: PortfolioTables;
  now: Date;
  filters: RoadmapFilters;
  setFilters(f: RoadmapFilters): void;
  /** Shows initiatives of `status` too, or no longer (none chosen: any status). */
  toggleStatus(status: InitiativeStatus): void;
  owners: { email: string; displayName: string }[];
  zoom: RoadmapZoom;
  setZoom(z: RoadmapZoom): void;
  /** Months view: shift the window by this many months. */
  shiftWindow(months: number): void;
  ticks: TimeTick[];
  scale: TimeScale;
  /** The timeline's width in pixels once the browser has laid it out (the dependency arrows are drawn from then on). */
  width: number | undefined;
  /** The id of the status filter's label (its toggle buttons' group is labelled by it). */
  statusLabelId: string;
  /** Where today is, as a fraction of the timeline's width (see {@link TimeScale}); undefined outside the range. */
  todayX: number | undefined;
  rows: RoadmapRow[];
  initiativeCount: number;
  health: RoadmapHealth;
  initiativesByKey: Map<string, Initiative>;
  dependencies: DependencyLine[];
  /** The rows drawn now (see `useRowWindow`). */
  rowWindow: RowWindow;
  scrollRef: RefObject<HTMLDivElement>;
  /** The bar holding the roving tab stop. */
  active: BarPosition | undefined;
  onBarKeyDown(event: KeyboardEvent, position: BarPosition): void;
  onBarFocus(position: BarPosition): void;
  selectedKey: string | undefined;
  select(key: string | undefined): void;
}

/** The health of each shown initiative by key, assessed on first asking (only drawn bars ask). */
export interface RoadmapHealth {
  get(key: string): HealthAssessment | undefined;
}
