import { Badge, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { draftCheckIn, type CheckInDraft, type DraftLink } from '@tandem/core';
import { useMemo } from 'react';
import { portfolioData } from '../data/portfolioData.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatDateTime, HEALTH_LABELS } from '../display/format.js';

const useStyles = makeStyles({
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  meta: { color: tokens.colorNeutralForeground3 },
});

/**
 * The draft of a check-in on `targetKey`: what moved it since its last check-in. Worked out once per target, so
 * changes others make while the owner edits never overwrite their words.
 */
export function useCheckInDraft(
  tables: PortfolioTables,
  targetKey: string | undefined,
  now: Date | undefined,
): CheckInDraft | undefined {
  return useMemo(
    () => (targetKey ? draftCheckIn(portfolioData(tables), targetKey, undefined, now ?? new Date()) : undefined),
    [targetKey, now],
  );
}

/** Props of {@link CheckInDraftSummary}. */
export interface CheckInDraftSummaryProps {
  draft: CheckInDraft;
}

/** What moved an objective or initiative since its last check-in, with counts and items, beside the editor. */
export function CheckInDraftSummary({ draft }: CheckInDraftSummaryProps) {
  const styles = useStyles();
  const c = draft.counts;
  const links = (title: string, items: DraftLink[]) =>
    items.length > 0 && (
      <>
        <Text weight="semibold">{title}</Text>
        <ul className={styles.list}>
          {items.map((l, i) => (
            <li key={`${l.at}-${i}`}>
              {l.title} <span className={styles.meta}>· {formatDateTime(l.at)}</span>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <Card data-testid="checkin-draft" aria-label="What moved since the last check-in">
      <CardHeader
        header={
          <Text weight="semibold">What moved since {draft.since ? formatDateTime(draft.since) : 'the start'}</Text>
        }
        description={
          <Text size={200} className={styles.meta}>
            The check-in below starts from this; edit it before posting.
          </Text>
        }
      />
      <div className={styles.counts} data-testid="draft-counts">
        <Badge appearance="tint">{c.commits} commits</Badge>
        <Badge appearance="tint">{c.meetings} meetings</Badge>
        <Badge appearance="tint">{c.emails} emails</Badge>
        <Badge appearance="tint">{c.kpiChanges} KPI changes</Badge>
        <Badge appearance="tint" color={c.slaBreaches > 0 ? 'danger' : 'informative'}>
          {c.slaBreaches} SLA breaches
        </Badge>
        <Badge appearance="tint">{c.decisions} decisions</Badge>
        {draft.healthChange && (
          <Badge appearance="tint" color="warning">
            {HEALTH_LABELS[draft.healthChange.from]} → {HEALTH_LABELS[draft.healthChange.to]}
          </Badge>
        )}
      </div>
      {links('Commits', draft.commits)}
      {links('Meetings', draft.meetings)}
      {links('Emails', draft.emails)}
      {draft.kpiChanges.length > 0 && (
        <>
          <Text weight="semibold">KPI changes</Text>
          <ul className={styles.list}>
            {draft.kpiChanges.map((k) => (
              <li key={k.kpiKey}>
                {k.kpiKey} {k.name}: {k.from} → {k.to} {k.unit}
              </li>
            ))}
          </ul>
        </>
      )}
      {draft.slaBreaches.length > 0 && (
        <>
          <Text weight="semibold">SLA breaches</Text>
          <ul className={styles.list}>
            {draft.slaBreaches.map((b) => (
              <li key={`${b.serviceKey}-${b.periodStart}`}>
                {b.serviceKey} {b.serviceName}: {b.periodStart} to {b.periodEnd}
              </li>
            ))}
          </ul>
        </>
      )}
      {draft.decisions.length > 0 && (
        <>
          <Text weight="semibold">Decisions</Text>
          <ul className={styles.list}>
            {draft.decisions.map((d) => (
              <li key={d.key}>
                {d.key} {d.title} ({d.status})
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
