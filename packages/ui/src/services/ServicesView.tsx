import {
  Card,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { slaAttainment, type Feedback, type Service, type SlaRecord } from '@tandem/core';
import { useMemo } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import { valuesOf, type PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatDate, formatNumber, formatPercent } from '../display/format.js';
import { StatusCardHeader } from '../display/StatusCardHeader.js';
import { EmptyState } from '../feedback/EmptyState.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  fact: { display: 'flex', flexDirection: 'column' },
  label: { color: tokens.colorNeutralForeground3 },
  // Missed values are bold and worded, not only coloured: status reds fail contrast on Teams' dark table rows.
  met: { color: tokens.colorNeutralForeground1 },
  missed: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightBold },
});

/** How many recent periods each service shows. */
const RECENT_PERIODS = 6;

/** The service catalogue: SLA targets against attainment (core's `slaAttainment`) and stakeholder feedback (CSAT). */
export function ServicesView(props: ViewProps) {
  return (
    <PortfolioGate store={props.store} what="the services">
      {(tables) => <ServicesContent tables={tables} />}
    </PortfolioGate>
  );
}

function ServicesContent({ tables }: { tables: PortfolioTables }) {
  const styles = useStyles();
  const services = useMemo(
    () => valuesOf(tables, 'service').sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
    [tables],
  );
  const records = useMemo(() => valuesOf(tables, 'slaRecord'), [tables]);
  const feedback = useMemo(() => valuesOf(tables, 'feedback'), [tables]);
  return (
    <>
      <ViewHeader
        title="Services and SLAs"
        description="What IT promises for each service, what it achieved, and how satisfied its users are."
      />
      {services.length === 0 ? (
        <EmptyState
          title="No services in the catalogue"
          hint="Add a service with its availability and response-time targets, then record SLA periods."
        />
      ) : (
        <ul className={styles.list} aria-label="Services">
          {services.map((s) => (
            <li key={s.id}>
              <ServiceCard service={s} records={records} feedback={feedback} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ServiceCard({
  service,
  records,
  feedback,
}: {
  service: Service;
  records: readonly SlaRecord[];
  feedback: readonly Feedback[];
}) {
  const styles = useStyles();
  const sla = slaAttainment(service, records);
  const recent = sla.periods.slice(-RECENT_PERIODS).reverse();
  const scores = feedback.filter((f) => f.targetKey === service.key).map((f) => f.score);
  const csat = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined;
  const latest = sla.periods[sla.periods.length - 1];
  return (
    <Card data-testid="service">
      <StatusCardHeader
        title={`${service.key} ${service.name}`}
        meta={`Owner ${service.owner.displayName}`}
        status={{
          label: latest ? (latest.met ? 'SLA met last period' : 'SLA missed last period') : 'Not measured',
          color: latest?.met === false ? 'danger' : 'success',
        }}
      />
      <div className={styles.facts}>
        <div className={styles.fact}>
          <Text size={200} className={styles.label}>
            Availability
          </Text>
          <Text>
            {formatNumber(sla.overallAvailability, 3)}% of {formatNumber(service.availabilityTarget, 3)}% target
          </Text>
        </div>
        <div className={styles.fact}>
          <Text size={200} className={styles.label}>
            Response time (p{formatNumber(service.responseTimePercentile, 0)})
          </Text>
          <Text>
            {latest ? `${formatNumber(latest.responseTimeMs, 0)} ms` : '—'} of{' '}
            {formatNumber(service.responseTimeTargetMs, 0)} ms target
          </Text>
        </div>
        <div className={styles.fact}>
          <Text size={200} className={styles.label}>
            Periods meeting the SLA
          </Text>
          <Text>
            {formatPercent(sla.attainment)} ({sla.periods.filter((p) => p.met).length} of {sla.periods.length})
          </Text>
        </div>
        <div className={styles.fact}>
          <Text size={200} className={styles.label}>
            Satisfaction (CSAT)
          </Text>
          <Text data-testid="csat">
            {csat !== undefined ? `${formatNumber(csat, 1)} / 5 from ${scores.length} responses` : 'No feedback yet'}
          </Text>
        </div>
      </div>
      {recent.length > 0 && (
        <Table size="extra-small" aria-label={`${service.name}: recent periods`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Period</TableHeaderCell>
              <TableHeaderCell>Availability</TableHeaderCell>
              <TableHeaderCell>Response</TableHeaderCell>
              <TableHeaderCell>SLA</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {recent.map((p) => (
              <TableRow key={p.periodStart}>
                <TableCell>{formatDate(p.periodStart)}</TableCell>
                <TableCell className={p.availabilityMet ? undefined : styles.missed}>
                  {formatNumber(p.availability, 3)}%
                </TableCell>
                <TableCell className={p.responseTimeMet ? undefined : styles.missed}>
                  {formatNumber(p.responseTimeMs, 0)} ms
                </TableCell>
                <TableCell className={p.met ? styles.met : styles.missed}>{p.met ? 'Met' : '✕ Missed'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
