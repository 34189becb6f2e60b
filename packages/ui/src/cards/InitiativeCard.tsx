import {
  Badge,
  Button,
  Card,
  CardHeader,
  Link as FluentLink,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons/svg/dismiss';
import type { Store } from '@tandem/core';
import { useMemo } from 'react';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatDate, INITIATIVE_STATUS_LABELS } from '../display/format.js';
import { HealthBadge } from '../display/HealthBadge.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { initiativeCardModel, type InitiativeCardModel } from './initiativeCardModel.js';

const useStyles = makeStyles({
  root: { maxWidth: '100%' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  decisions: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  header: { overflowWrap: 'anywhere' },
});

/** Props of {@link InitiativeCard}. */
export interface InitiativeCardProps {
  /** Where the data lives. */
  store: Store;
  /** The initiative to show (`INI-7`). */
  initiativeKey: string;
  /** Today, for health and the next milestone. @default new Date() */
  now?: Date;
  /** Opens an objective's page (the objective's name becomes a link). */
  onOpenObjective?(objectiveKey: string): void;
  /** Shows a close button that calls this. */
  onDismiss?(): void;
}

/**
 * A compact card for one initiative: title, key, objective, health, IT owner, business sponsor, next milestone,
 * WSJF rank and recent decisions. Shared by the roadmap, the Outlook add-in and the VS Code webview.
 */
export function InitiativeCard(props: InitiativeCardProps) {
  return (
    <PortfolioGate store={props.store} what={`initiative ${props.initiativeKey}`}>
      {(tables) => <InitiativeCardFromTables {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function InitiativeCardFromTables(props: InitiativeCardProps & { tables: PortfolioTables }) {
  const { tables, initiativeKey } = props;
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const model = useMemo(() => initiativeCardModel(tables, initiativeKey, now), [tables, initiativeKey, now]);
  if (!model) {
    return (
      <EmptyState
        title={`No initiative ${initiativeKey}`}
        hint="It may have been deleted, or the key is mistyped. Check the key in the portfolio."
      />
    );
  }
  return <InitiativeCardView model={model} onOpenObjective={props.onOpenObjective} onDismiss={props.onDismiss} />;
}

/** Props of {@link InitiativeCardView}. */
export interface InitiativeCardViewProps {
  model: InitiativeCardModel;
  onOpenObjective?(objectiveKey: string): void;
  onDismiss?(): void;
}

/** The card drawn from a ready model (hosts that already hold the data use this directly). */
export function InitiativeCardView({ model, onOpenObjective, onDismiss }: InitiativeCardViewProps) {
  const styles = useStyles();
  const { initiative: i } = model;
  return (
    <Card className={styles.root} data-testid="initiative-card" aria-label={`${i.key} ${i.title}`} role="region">
      <CardHeader
        header={
          <Text weight="semibold" className={styles.header}>
            {i.key} {i.title}
          </Text>
        }
        description={
          <Text size={200}>
            {INITIATIVE_STATUS_LABELS[i.status]} · {formatDate(i.start)} – {formatDate(i.end)} · {i.percentComplete}%
            done
          </Text>
        }
        action={
          onDismiss && (
            <Button appearance="subtle" icon={<Dismiss20Regular />} aria-label="Close the card" onClick={onDismiss} />
          )
        }
      />
      <dl className={styles.facts}>
        <dt className={styles.term}>Health</dt>
        <dd className={styles.value}>
          <HealthBadge health={model.health.status} reason={model.health.reason} />{' '}
          <Text size={200}>{model.health.reason}</Text>
        </dd>
        <dt className={styles.term}>Objective</dt>
        <dd className={styles.value}>
          {model.objectives.length === 0
            ? 'Not aligned yet'
            : model.objectives.map((o, n) => (
                <span key={o.key}>
                  {n > 0 && ', '}
                  {onOpenObjective ? (
                    <FluentLink as="button" inline onClick={() => onOpenObjective(o.key)}>
                      {o.key} {o.title}
                    </FluentLink>
                  ) : (
                    `${o.key} ${o.title}`
                  )}
                </span>
              ))}
        </dd>
        <dt className={styles.term}>IT owner</dt>
        <dd className={styles.value}>{i.itOwner.displayName}</dd>
        <dt className={styles.term}>Sponsor</dt>
        <dd className={styles.value}>{i.businessSponsor.displayName}</dd>
        <dt className={styles.term}>Next milestone</dt>
        <dd className={styles.value}>
          {model.nextMilestone
            ? `${model.nextMilestone.label} ${formatDate(model.nextMilestone.date)}`
            : 'None: closed'}
        </dd>
        <dt className={styles.term}>WSJF rank</dt>
        <dd className={styles.value} data-testid="card-rank">
          {model.wsjfRank !== undefined ? (
            <Badge appearance="outline">
              #{model.wsjfRank} of {model.rankedCount}
            </Badge>
          ) : (
            'Not ranked (closed)'
          )}
        </dd>
        <dt className={styles.term}>Decisions</dt>
        <dd className={styles.value}>
          {model.recentDecisions.length === 0 ? (
            'None yet'
          ) : (
            <ul className={styles.decisions}>
              {model.recentDecisions.map((d) => (
                <li key={d.id}>
                  <Text size={200}>
                    {d.key} {d.title} ({d.status}
                    {d.decidedOn ? `, ${formatDate(d.decidedOn)}` : ''})
                  </Text>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </Card>
  );
}
