import {
  Button,
  Card,
  CardHeader,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  SpinButton,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { healthStatuses, type CheckIn, type HealthStatus } from '@tandem/core';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { CheckInDraftSummary, useCheckInDraft } from './CheckInDraftSummary.js';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatDateTime, HEALTH_LABELS } from '../display/format.js';
import { HealthBadge } from '../display/HealthBadge.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { useFormGridStyles } from '../display/useFormGridStyles.styles.js';
import { ErrorState } from '../feedback/ErrorState.js';
import { useUndoToast } from '../feedback/undo.js';

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
  nowrap: { whiteSpace: 'nowrap' },
});

/** Props of {@link CheckInEditor}. */
export interface CheckInEditorProps extends ViewProps {
  /** Check in on this key only (an objective's page); otherwise the user picks an objective or initiative. */
  targetKey?: string;
}

/** Post a check-in (health, progress and a note) on an objective or initiative, and read the latest ones. */
export function CheckInEditor(props: CheckInEditorProps) {
  return (
    <PortfolioGate store={props.store} what="the check-ins">
      {(tables) => <CheckInContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function CheckInContent({ store, user, now, tables, targetKey }: CheckInEditorProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const grid = useFormGridStyles();
  const showUndo = useUndoToast();
  const targets = useMemo(() => {
    const list = [
      ...[...tables.objective.values()].map((o) => ({ key: o.value.key, title: o.value.title })),
      ...[...tables.initiative.values()].map((i) => ({ key: i.value.key, title: i.value.title })),
    ];
    return list.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  }, [tables.objective, tables.initiative]);
  const [target, setTarget] = useState<string | undefined>(targetKey);
  const [status, setStatus] = useState<HealthStatus>('onTrack');
  const [progress, setProgress] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const recent = useMemo(
    () =>
      [...tables.checkIn.values()]
        .map((s) => s.value)
        .filter((c) => !targetKey || c.targetKey === targetKey)
        .sort((a, b) => b.at.localeCompare(a.at))
        .slice(0, 20),
    [tables.checkIn, targetKey],
  );
  const titleOf = (key: string) => targets.find((t) => t.key === key)?.title ?? '';

  // The editor starts from what moved since the last check-in; the owner edits it before posting.
  const draft = useCheckInDraft(tables, target, now);
  useEffect(() => {
    if (!draft) return;
    setStatus(draft.status);
    setProgress(draft.progress ?? null);
    setNote(draft.note);
  }, [draft]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    setSaving(true);
    setError(undefined);
    try {
      const checkIn: CheckIn = {
        id: crypto.randomUUID(),
        targetKey: target,
        author: user,
        at: (now ?? new Date()).toISOString(),
        status,
        note,
        ...(progress !== null ? { progress } : {}),
      };
      const saved = await store.create('checkIn', checkIn);
      setNote('');
      setProgress(null);
      showUndo(`Check-in posted on ${target}`, () => store.delete('checkIn', saved.value.id, saved.etag));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      {!targetKey && (
        <ViewHeader title="Check-ins" description="Say how your objective or initiative is doing, in a minute." />
      )}
      <form className={grid.form} onSubmit={(e) => void submit(e)} aria-label="Post a check-in">
        {!targetKey && (
          <Field label="Objective or initiative" required>
            <Dropdown
              placeholder="Pick one"
              value={target ? `${target} ${titleOf(target)}` : ''}
              selectedOptions={target ? [target] : []}
              onOptionSelect={(_, d) => setTarget(d.optionValue)}
            >
              {targets.map((t) => (
                <Option key={t.key} value={t.key} text={`${t.key} ${t.title}`}>
                  {`${t.key} ${t.title}`}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
        <Field label="Health">
          <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as HealthStatus)} layout="horizontal">
            {healthStatuses.map((h) => (
              <Radio key={h} value={h} label={{ children: HEALTH_LABELS[h], className: styles.nowrap }} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Progress (%)" hint="Leave empty to report none">
          <SpinButton
            min={0}
            max={100}
            value={progress}
            displayValue={progress === null ? '' : undefined}
            onChange={(_, d) => {
              const raw = d.value ?? (d.displayValue === '' ? null : Number(d.displayValue));
              setProgress(raw === null || Number.isNaN(raw) ? null : Math.min(100, Math.max(0, raw)));
            }}
          />
        </Field>
        <Field label="What happened, what is next" required className={grid.wide}>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={saving || !target || !note.trim()}>
            Post check-in
          </Button>
        </div>
        {draft && (
          <div className={grid.wide}>
            <CheckInDraftSummary draft={draft} />
          </div>
        )}
        {error !== undefined && (
          <div className={grid.wide}>
            <ErrorState title="The check-in was not posted" error={error} hint="Fix the fields named and try again." />
          </div>
        )}
      </form>
      {recent.length === 0 ? (
        <EmptyState title="No check-ins yet" hint="Post the first one above: health, progress and a short note." />
      ) : (
        <ul className={styles.list} aria-label="Recent check-ins">
          {recent.map((c) => (
            <li key={c.id}>
              <Card data-testid="checkin">
                <CardHeader
                  header={
                    <Text weight="semibold">
                      {c.targetKey} {titleOf(c.targetKey)}
                    </Text>
                  }
                  description={
                    <Text size={200} className={styles.meta}>
                      {c.author.displayName} · {formatDateTime(c.at)}
                      {c.progress !== undefined ? ` · ${c.progress}% done` : ''}
                    </Text>
                  }
                  action={<HealthBadge health={c.status} />}
                />
                <Text>{c.note}</Text>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
