/** The impact report's figures, computed once and rendered as Markdown or HTML. Percentages are 0–100. */
export interface ImpactReport {
  /** When the report was made (ISO timestamp). */
  generatedAt: string;
  /** The first day the report looks at (`YYYY-MM-DD`), or undefined for everything. */
  since?: string;
  objectives: ObjectiveImpact[];
  /** SLA attainment of every service in the catalogue over the report's window. */
  services: ServiceImpact[];
}

/** What moved one objective. */
export interface ObjectiveImpact {
  key: string;
  title: string;
  kind: 'business' | 'it';
  status: string;
  owner: string;
  /** The weighted progress of its key results. */
  progress: number;
  keyResults: KeyResultImpact[];
  initiativesDone: InitiativeSummary[];
  initiativesInProgress: InitiativeSummary[];
  /** Links to the objective, its key results and its initiatives within the window, by kind. */
  links: { commits: number; pullRequests: number; meetings: number; emails: number; other: number };
  kpis: KpiImpact[];
}

/** One key result's standing. */
export interface KeyResultImpact {
  key: string;
  title: string;
  unit: string;
  startValue: number;
  targetValue: number;
  currentValue: number;
  progress: number;
}

/** An initiative as the report names it. */
export interface InitiativeSummary {
  key: string;
  title: string;
  percentComplete: number;
}

/** How a KPI moved within the window. */
export interface KpiImpact {
  key: string;
  name: string;
  unit: string;
  direction: 'higherIsBetter' | 'lowerIsBetter';
  baseline: number;
  target: number;
  /** The first measurement in the window. */
  from?: { on: string; value: number };
  /** The last measurement in the window. */
  to?: { on: string; value: number };
  /** `to - from`, when the window holds two measurements or more. */
  change?: number;
  /** How far from baseline to target the latest value is (as of the report's day). */
  attainment?: number;
  /** Every measurement in the window, oldest first, for the chart. */
  series: { on: string; value: number }[];
}

/** A service's SLA attainment within the window. */
export interface ServiceImpact {
  key: string;
  name: string;
  availabilityTarget: number;
  /** Measured availability over the window's SLA periods. */
  availability?: number;
  responseTimeTargetMs: number;
  /** The share of periods meeting both targets. */
  attainment?: number;
  periods: number;
  incidents: number;
}
