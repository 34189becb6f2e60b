import {
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  makeStyles,
  Option,
  SpinButton,
  Text,
  tokens,
} from '@fluentui/react-components';
import { missingItAssessment, type Initiative, type Objective, type Stored } from '@tandem/core';
import { useMemo, useState } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { ErrorState } from '../feedback/ErrorState.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
  },
  meta: { color: tokens.colorNeutralForeground3 },
});

const levels = ['low', 'medium', 'high'] as const;
type Level = (typeof levels)[number];
type Proposed = { kind: 'objective'; stored: Stored<Objective> } | { kind: 'initiative'; stored: Stored<Initiative> };

/**
 * The planning cycle: proposed objectives and initiatives, where IT records feasibility, effort and risk, and a
 * governance member approves them once all three are there (core refuses the approval otherwise, whatever the host).
 */
export function PlanningView(props: ViewProps) {
  return (
    <PortfolioGate store={props.store} what="the planning cycle">
      {(tables) => <PlanningContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function PlanningContent(props: ViewProps & { tables: PortfolioTables }) {
  const { tables } = props;
  const styles = useStyles();
  const proposed = useMemo<Proposed[]>(
    () => [
      ...[...tables.objective.values()]
        .filter((s) => s.value.status === 'proposed')
        .map((stored) => ({ kind: 'objective' as const, stored })),
      ...[...tables.initiative.values()]
        .filter((s) => s.value.status === 'proposed')
        .map((stored) => ({ kind: 'initiative' as const, stored })),
    ],
    [tables.objective, tables.initiative],
  );
  return (
    <>
      <ViewHeader
        title="Planning"
        description="Proposed objectives and initiatives carry IT's feasibility, effort and risk before approval."
      />
      {proposed.length === 0 ? (
        <EmptyState title="Nothing proposed" hint="Proposed objectives and initiatives wait here for IT's view." />
      ) : (
        <ul className={styles.list} aria-label="Proposed">
          {proposed.map((p) => (
            <li key={p.stored.value.id}>
              <ProposalCard {...props} proposal={p} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ProposalCard({ store, canEdit, proposal }: ViewProps & { proposal: Proposed }) {
  const styles = useStyles();
  const item = proposal.stored.value;
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const missing = missingItAssessment(item);

  async function save(patch: Partial<Pick<Objective, 'itFeasibility' | 'itEffortWeeks' | 'itRisk'>> | 'approve') {
    setSaving(true);
    setError(undefined);
    try {
      if (proposal.kind === 'objective') {
        const change: Partial<Objective> = patch === 'approve' ? { status: 'approved' } : patch;
        await store.update('objective', item.id, change, proposal.stored.etag);
      } else {
        const change: Partial<Initiative> = patch === 'approve' ? { status: 'planned' } : patch;
        await store.update('initiative', item.id, change, proposal.stored.etag);
      }
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  const level = (label: string, field: 'itFeasibility' | 'itRisk') => (
    <Field label={label}>
      <Dropdown
        placeholder="Not assessed"
        disabled={!canEdit || saving}
        value={item[field] ?? ''}
        selectedOptions={item[field] ? [item[field]] : []}
        onOptionSelect={(_, d) => void save({ [field]: d.optionValue as Level })}
      >
        {levels.map((l) => (
          <Option key={l} value={l}>
            {l}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );

  return (
    <Card data-testid="proposal" aria-label={`${item.key} ${item.title}`}>
      <CardHeader
        header={
          <Text weight="semibold">
            {item.key} {item.title}
          </Text>
        }
        description={
          <Text size={200} className={styles.meta}>
            Proposed {proposal.kind}
            {missing.length > 0 ? ' · waiting for IT’s assessment' : ' · assessed, ready for approval'}
          </Text>
        }
      />
      <div className={styles.row}>
        {level('IT feasibility', 'itFeasibility')}
        <Field label="IT effort (weeks)">
          <SpinButton
            min={0}
            disabled={!canEdit || saving}
            value={item.itEffortWeeks ?? null}
            displayValue={item.itEffortWeeks === undefined ? '' : undefined}
            onChange={(_, d) => {
              const raw = d.value ?? (d.displayValue === undefined ? null : Number(d.displayValue));
              if (raw !== null && Number.isFinite(raw) && raw >= 0) void save({ itEffortWeeks: raw });
            }}
          />
        </Field>
        {level('IT risk', 'itRisk')}
        <div>
          <Button
            appearance="primary"
            disabled={!canEdit || saving || missing.length > 0}
            onClick={() => void save('approve')}
          >
            Approve {item.key}
          </Button>
        </div>
      </div>
      {error !== undefined && (
        <ErrorState
          title={`${item.key} was not changed`}
          error={error}
          hint="It may have changed meanwhile: try again."
        />
      )}
    </Card>
  );
}
