import { Card, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { parseKey, type AuditEntry } from '@tandem/core';
import { useMemo, useState } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatDateTime } from '../display/format.js';
import { EmptyState } from '../feedback/EmptyState.js';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  value: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: 'anywhere' },
  filter: { maxWidth: '320px' },
});

/** Props of {@link HistoryView}. */
export interface HistoryViewProps extends ViewProps {
  /** Show the history of this key only (an item's "History" link). */
  targetKey?: string;
}

const actionWords: Record<AuditEntry['action'], string> = { create: 'created', update: 'changed', delete: 'deleted' };

/** A value of the trail (JSON text) as people read it. */
function readable(json: string | undefined): string {
  if (json === undefined) return '(none)';
  try {
    const value = JSON.parse(json) as unknown;
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (value && typeof value === 'object' && 'displayName' in value) return String(value.displayName);
    return json.length > 160 ? `${json.slice(0, 160)}…` : json;
  } catch {
    // Written by another tool, not as JSON: show it as it is.
    return json;
  }
}

/** The audit trail: who changed which field of which objective, initiative, decision or idea, when, from what to what. */
export function HistoryView(props: HistoryViewProps) {
  return (
    <PortfolioGate store={props.store} what="the history">
      {(tables) => <HistoryContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function HistoryContent({ tables, targetKey }: HistoryViewProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const [filter, setFilter] = useState(targetKey ?? '');
  const key = parseKey(filter.trim());
  const wanted = key?.key;
  const entries = useMemo(
    () =>
      [...tables.auditEntry.values()]
        .map((s) => s.value)
        .filter((e) => !wanted || e.targetKey === wanted)
        .sort((a, b) => b.at.localeCompare(a.at) || a.targetKey.localeCompare(b.targetKey))
        .slice(0, 200),
    [tables.auditEntry, wanted],
  );
  return (
    <>
      <ViewHeader
        title="History"
        description="Every change to objectives, initiatives, scores, decisions and ideas: who, when and what."
        actions={
          <Field label="Key" className={styles.filter}>
            <Input value={filter} placeholder="INI-7" onChange={(_, d) => setFilter(d.value)} />
          </Field>
        }
      />
      {entries.length === 0 ? (
        <EmptyState title="No changes recorded" hint="Changes made in Tandem from now on are kept here." />
      ) : (
        <ul className={styles.list} aria-label="Changes">
          {entries.map((e) => (
            <li key={e.id}>
              <Card data-testid="audit-entry">
                <Text>
                  <Text weight="semibold">{e.changedBy.displayName}</Text> {actionWords[e.action]}{' '}
                  {e.field ? (
                    <>
                      <Text weight="semibold">{e.field}</Text> of{' '}
                    </>
                  ) : null}
                  <Text weight="semibold">{e.targetKey}</Text>
                </Text>
                {e.action === 'update' && (
                  <Text className={styles.value} data-testid="audit-change">
                    {readable(e.before)} → {readable(e.after)}
                  </Text>
                )}
                <Text size={200} className={styles.meta}>
                  {formatDateTime(e.at)}
                </Text>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
