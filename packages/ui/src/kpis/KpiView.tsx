import { Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import { kpiAttainment, type Kpi, type KpiMeasurement } from '@tandem/core';
import { useMemo } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { LineChart } from '../charts/LineChart.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import { valuesOf, type PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatDate, formatNumber } from '../display/format.js';
import { ProgressMeter } from '../display/ProgressMeter.js';
import { StatusCardHeader } from '../display/StatusCardHeader.js';
import { EmptyState } from '../feedback/EmptyState.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  numbers: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

/** Props of {@link KpiView}. */
export interface KpiViewProps extends ViewProps {
  /** Only the KPIs of this objective (the objective page). */
  objectiveKey?: string;
}

/** KPIs against their targets: latest value, attainment (core's `kpiAttainment`) and a year of measurements. */
export function KpiView(props: KpiViewProps) {
  return (
    <PortfolioGate store={props.store} what="the KPIs">
      {(tables) => <KpiContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function KpiContent({ tables, objectiveKey, now }: KpiViewProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const kpis = useMemo(
    () =>
      valuesOf(tables, 'kpi')
        .filter((k) => !objectiveKey || k.objectiveKey === objectiveKey)
        .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
    [tables, objectiveKey],
  );
  const measurements = useMemo(() => valuesOf(tables, 'kpiMeasurement'), [tables]);
  const asOf = (now ?? new Date()).toISOString().slice(0, 10);
  return (
    <>
      {!objectiveKey && (
        <ViewHeader
          title="KPIs"
          description="Key performance indicators against their targets, measured over the year."
        />
      )}
      {kpis.length === 0 ? (
        <EmptyState
          title="No KPIs yet"
          hint="Add a KPI to an objective with a baseline and a target, then record measurements to see its trend."
        />
      ) : (
        <ul className={styles.grid} aria-label="KPIs">
          {kpis.map((kpi) => (
            <li key={kpi.id}>
              <KpiCard kpi={kpi} measurements={measurements} asOf={asOf} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Props of {@link KpiCard}. */
export interface KpiCardProps {
  kpi: Kpi;
  measurements: readonly KpiMeasurement[];
  /** Attainment as of this day (`YYYY-MM-DD`). */
  asOf: string;
}

/** One KPI: latest value against target, attainment and its chart. */
export function KpiCard({ kpi, measurements, asOf }: KpiCardProps) {
  const styles = useStyles();
  const attainment = kpiAttainment(kpi, measurements, { asOf });
  const points = measurements
    .filter((m) => m.kpiKey === kpi.key && m.measuredOn <= asOf)
    .map((m) => ({ date: m.measuredOn, value: m.value }));
  const unit = kpi.unit ? ` ${kpi.unit}` : '';
  return (
    <Card data-testid="kpi">
      <StatusCardHeader
        title={`${kpi.key} ${kpi.name}`}
        meta={`${kpi.objectiveKey} · ${kpi.owner.displayName} · ${kpi.direction === 'higherIsBetter' ? 'higher is better' : 'lower is better'}`}
        status={
          attainment.met ? { label: 'Target met', color: 'success' } : { label: 'Below target', color: 'warning' }
        }
      />
      <div className={styles.numbers}>
        <Text>
          Latest: <b>{attainment.latest ? `${formatNumber(attainment.latest.value, 2)}${unit}` : 'not measured'}</b>
          {attainment.latest && ` (${formatDate(attainment.latest.measuredOn)})`}
        </Text>
        <Text>
          Target: <b>{`${formatNumber(kpi.target, 2)}${unit}`}</b> from {formatNumber(kpi.baseline, 2)}
        </Text>
      </div>
      <ProgressMeter label="Way from baseline to target" value={attainment.attainment} />
      {points.length > 0 ? (
        <LineChart title={kpi.name} points={points} target={kpi.target} unit={unit} />
      ) : (
        <Text size={200}>No measurements yet: record one to start the chart.</Text>
      )}
    </Card>
  );
}
