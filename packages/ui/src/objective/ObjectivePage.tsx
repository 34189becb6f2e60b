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
import { Copy20Regular } from '@fluentui/react-icons/svg/copy';
import { Open16Regular } from '@fluentui/react-icons/svg/open';
import {
  impactSummary,
  keyResultProgress,
  objectiveHealth,
  objectiveProgressAll,
  type Link,
  type Objective,
} from '@tandem/core';
import { useMemo, useState, type ReactNode } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { InitiativeCardView } from '../cards/InitiativeCard.js';
import { initiativeCardModel } from '../cards/initiativeCardModel.js';
import { CheckInEditor } from '../checkins/CheckInEditor.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import { valuesOf, type PortfolioTables } from '../data/portfolioSnapshot.js';
import { DecisionLog } from '../decisions/DecisionLog.js';
import { formatDate, formatDateTime, formatNumber, formatPercent, isoDay } from '../display/format.js';
import { HealthBadge } from '../display/HealthBadge.js';
import { ProgressMeter } from '../display/ProgressMeter.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { KpiCard } from '../kpis/KpiView.js';
import { safeHref } from '../links/safeHref.js';
import { KnowledgeSessions } from '../learning/KnowledgeSessions.js';
import { groupLinks, LINK_KIND_LABELS } from './linkGroups.js';

const useStyles = makeStyles({
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: 0 },
  h3: { margin: 0 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  linkRow: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  index: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  badge: { whiteSpace: 'nowrap' },
});

/** Props of {@link ObjectivePage}. */
export interface ObjectivePageProps extends ViewProps {
  /** The objective to show (`OBJ-12`); without it, the list of objectives to pick from. */
  objectiveKey?: string;
}

/**
 * One objective's page: progress and health, key results, initiatives, KPI charts, the impact of this quarter,
 * everything linked to it grouped by kind (commits, meetings, emails, …) with who linked it and when, check-ins and decisions.
 */
export function ObjectivePage(props: ObjectivePageProps) {
  return (
    <PortfolioGate store={props.store} what="the objective">
      {(tables) =>
        props.objectiveKey ? (
          <ObjectiveContent {...props} objectiveKey={props.objectiveKey} tables={tables} />
        ) : (
          <ObjectiveIndex {...props} tables={tables} />
        )
      }
    </PortfolioGate>
  );
}

function useProgress(tables: PortfolioTables) {
  return useMemo(
    () =>
      objectiveProgressAll({ objectives: valuesOf(tables, 'objective'), keyResults: valuesOf(tables, 'keyResult') }),
    [tables],
  );
}

function ObjectiveIndex({ tables, onOpenObjective, now }: ObjectivePageProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const progress = useProgress(tables);
  const checkIns = useMemo(() => valuesOf(tables, 'checkIn'), [tables]);
  const objectives = valuesOf(tables, 'objective').sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  const today = now ?? new Date();
  return (
    <>
      <ViewHeader
        title="Objectives"
        description="Business priorities and IT capabilities, side by side. Open one to see what moves it."
      />
      {objectives.length === 0 ? (
        <EmptyState
          title="No objectives yet"
          hint="Create the first objective with an owner and a period, then add key results."
        />
      ) : (
        <ul className={styles.index} aria-label="Objectives">
          {objectives.map((o) => {
            const health = objectiveHealth(o, { progress: progress.get(o.key), now: today, checkIns });
            return (
              <li key={o.id}>
                <Card data-testid="objective-card">
                  <CardHeader
                    header={
                      onOpenObjective ? (
                        <FluentLink as="button" onClick={() => onOpenObjective(o.key)}>
                          {o.key} {o.title}
                        </FluentLink>
                      ) : (
                        <Text weight="semibold">
                          {o.key} {o.title}
                        </Text>
                      )
                    }
                    description={
                      <Text size={200} className={styles.muted}>
                        {o.kind === 'business' ? 'Business priority' : 'IT capability'} · {o.owner.displayName}
                      </Text>
                    }
                    action={<HealthBadge health={health.status} reason={health.reason} />}
                  />
                  <ProgressMeter label="Progress" value={progress.get(o.key) ?? 0} />
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <Text as="h2" size={500} weight="semibold" className={styles.h2}>
        {title}
      </Text>
      {children}
    </section>
  );
}

function ObjectiveContent(props: ObjectivePageProps & { objectiveKey: string; tables: PortfolioTables }) {
  const { tables, objectiveKey, onOpenObjective, teamsTabUrl } = props;
  const styles = useStyles();
  const now = useMemo(() => props.now ?? new Date(), [props.now]);
  const progress = useProgress(tables);
  const [copied, setCopied] = useState(false);
  const objectives = valuesOf(tables, 'objective');
  const objective = objectives.find((o) => o.key === objectiveKey);
  const data = useMemo(() => {
    if (!objective) return undefined;
    const keyResults = valuesOf(tables, 'keyResult').filter((kr) => kr.objectiveKey === objective.key);
    const initiatives = valuesOf(tables, 'initiative').filter((i) => i.objectiveKeys.includes(objective.key));
    const keys = new Set([objective.key, ...keyResults.map((k) => k.key), ...initiatives.map((i) => i.key)]);
    const today = isoDay(now);
    const month = Number(today.slice(5, 7));
    const quarterStart = `${today.slice(0, 4)}-${String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    return {
      keyResults,
      initiatives,
      children: objectives.filter((o) => o.parentKey === objective.key),
      groups: groupLinks(valuesOf(tables, 'link'), keys),
      health: objectiveHealth(objective, {
        progress: progress.get(objective.key),
        now,
        checkIns: valuesOf(tables, 'checkIn'),
      }),
      impact: impactSummary(
        objective.key,
        { start: quarterStart, end: today },
        {
          initiatives: valuesOf(tables, 'initiative'),
          keyResults: valuesOf(tables, 'keyResult'),
          links: valuesOf(tables, 'link'),
          kpis: valuesOf(tables, 'kpi'),
          measurements: valuesOf(tables, 'kpiMeasurement'),
        },
      ),
    };
  }, [objective, objectives, tables, progress, now]);

  if (!objective || !data) {
    return (
      <EmptyState
        title={`No objective ${objectiveKey}`}
        hint="It may have been removed, or the link is out of date. Pick an objective from the list."
        action={
          onOpenObjective && (
            <Button onClick={() => onOpenObjective('')} data-testid="all-objectives">
              Show all objectives
            </Button>
          )
        }
      />
    );
  }
  const parent = objective.parentKey ? objectives.find((o) => o.key === objective.parentKey) : undefined;
  const kpis = valuesOf(tables, 'kpi').filter((k) => k.objectiveKey === objective.key);
  const measurements = valuesOf(tables, 'kpiMeasurement');
  const linkCounts = Object.entries(data.impact.linksByKind).filter(([, n]) => n > 0);

  return (
    <>
      <ViewHeader
        title={`${objective.key} ${objective.title}`}
        description={objective.description}
        actions={
          teamsTabUrl && (
            <Button
              icon={<Copy20Regular />}
              onClick={() => {
                void navigator.clipboard?.writeText(teamsTabUrl(objective.key)).then(() => setCopied(true));
              }}
            >
              {copied ? 'Link copied' : 'Copy link'}
            </Button>
          )
        }
      />
      <div className={styles.meta}>
        <Badge appearance="outline" className={styles.badge}>
          {kindLabel(objective)}
        </Badge>
        <HealthBadge health={data.health.status} reason={data.health.reason} />
        <Text>Owner {objective.owner.displayName}</Text>
        <Text>
          {formatDate(objective.periodStart)} – {formatDate(objective.periodEnd)}
        </Text>
        {parent && (
          <Text>
            Part of{' '}
            {onOpenObjective ? (
              <FluentLink as="button" inline onClick={() => onOpenObjective(parent.key)}>
                {parent.key} {parent.title}
              </FluentLink>
            ) : (
              `${parent.key} ${parent.title}`
            )}
          </Text>
        )}
      </div>
      <ProgressMeter label="Objective progress" value={progress.get(objective.key) ?? 0} detail={data.health.reason} />

      <Section title="Key results">
        {data.keyResults.length === 0 ? (
          <EmptyState title="No key results" hint="Add a measurable key result so progress can be tracked." />
        ) : (
          data.keyResults.map((kr) => (
            <ProgressMeter
              key={kr.id}
              label={`${kr.key} ${kr.title}`}
              value={keyResultProgress(kr)}
              detail={`${formatNumber(kr.currentValue, 2)} ${kr.unit} now; target ${formatNumber(kr.targetValue, 2)} ${kr.unit} from ${formatNumber(kr.startValue, 2)}`}
            />
          ))
        )}
        {data.children.length > 0 && (
          <Text>
            Contributing objectives:{' '}
            {data.children.map((c, n) => (
              <span key={c.key}>
                {n > 0 && ', '}
                {onOpenObjective ? (
                  <FluentLink as="button" inline onClick={() => onOpenObjective(c.key)}>
                    {c.key} {c.title}
                  </FluentLink>
                ) : (
                  `${c.key} ${c.title}`
                )}{' '}
                ({formatPercent(progress.get(c.key))})
              </span>
            ))}
          </Text>
        )}
      </Section>

      <Section title="Impact this quarter">
        <Text data-testid="impact">
          {data.impact.initiativesCompleted.length} initiatives completed
          {linkCounts.length > 0 &&
            `; ${linkCounts.map(([k, n]) => `${n} ${LINK_KIND_LABELS[k as Link['kind']].toLowerCase()}`).join(', ')} linked`}
          {data.impact.kpiChanges.length > 0 &&
            `; ${data.impact.kpiChanges
              .map(
                (c) =>
                  `${c.name} ${c.change >= 0 ? '+' : ''}${formatNumber(c.change, 2)} ${c.unit} (${c.improved ? 'better' : 'worse'})`,
              )
              .join(', ')}`}
          .
        </Text>
      </Section>

      <Section title="Initiatives">
        {data.initiatives.length === 0 ? (
          <EmptyState title="No initiatives yet" hint="Align an initiative to this objective from the portfolio." />
        ) : (
          <ul className={styles.grid} aria-label="Initiatives of this objective">
            {data.initiatives.map((i) => {
              const model = initiativeCardModel(tables, i.key, now);
              return model ? (
                <li key={i.id}>
                  <InitiativeCardView model={model} />
                </li>
              ) : null;
            })}
          </ul>
        )}
      </Section>

      {kpis.length > 0 && (
        <Section title="KPIs">
          <ul className={styles.grid} aria-label="KPIs of this objective">
            {kpis.map((k) => (
              <li key={k.id}>
                <KpiCard kpi={k} measurements={measurements} asOf={isoDay(now)} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title="Linked work, meetings and emails">
        {data.groups.length === 0 ? (
          <EmptyState
            title="Nothing linked yet"
            hint="Add “Objective: OBJ-n” to a commit message, tag an email in Outlook, or link a meeting from its side panel."
          />
        ) : (
          data.groups.map((g) => (
            <div key={g.kind} className={styles.section} data-testid={`links-${g.kind}`}>
              <Text as="h3" size={400} weight="semibold" className={styles.h3}>
                {LINK_KIND_LABELS[g.kind]} ({g.links.length})
              </Text>
              <ul className={styles.list}>
                {g.links.slice(0, 25).map((l) => (
                  <li key={l.id} className={styles.linkRow} data-testid="link">
                    <LinkTitle link={l} />
                    <Text size={200} className={styles.muted}>
                      {l.targetKey} · linked by {l.linkedBy.displayName} on {formatDateTime(l.linkedAt)}
                      {l.author ? ` · by ${l.author.displayName}` : ''}
                    </Text>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </Section>

      <Section title="Knowledge sessions">
        <KnowledgeSessions tables={props.tables} objectiveKey={objective.key} />
      </Section>

      <Section title="Check-ins">
        <CheckInEditor {...props} targetKey={objective.key} />
      </Section>

      <Section title="Decisions">
        <DecisionLog {...props} relatedKey={objective.key} hideProposeForm />
      </Section>
    </>
  );
}

function LinkTitle({ link }: { link: Link }) {
  const href = safeHref(link.url);
  if (!href) return <Text>{link.title}</Text>;
  return (
    <FluentLink href={href} target="_blank" rel="noreferrer noopener">
      {link.title} <Open16Regular aria-label="(opens in a new window)" />
    </FluentLink>
  );
}

function kindLabel(o: Objective): string {
  return o.kind === 'business' ? 'Business priority' : 'IT capability';
}
