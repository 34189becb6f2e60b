import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { aggregateFeedback, dayNumber, isoDateOf, slaAttainment, type Feedback } from '@tandem/core';
import { useMemo, useState, type FormEvent } from 'react';
import { ViewHeader } from '../app/ViewHeader.js';
import type { ViewProps } from '../app/viewProps.js';
import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { formatNumber, formatPercent } from '../display/format.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { useFormGridStyles } from '../display/useFormGridStyles.styles.js';
import { ErrorState } from '../feedback/ErrorState.js';
import { useUndoToast } from '../feedback/undo.js';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
});

/** Props of {@link FeedbackView}. */
export interface FeedbackViewProps extends ViewProps {
  /** The service or initiative a shared link names (`/tab?feedback=SVC-2`). */
  targetKey?: string;
}

const scoreWords = ['', 'Very unsatisfied', 'Unsatisfied', 'Neutral', 'Satisfied', 'Very satisfied'];

/**
 * Satisfaction (CSAT, 1–5, with a comment) on a service or initiative, and how it adds up per period: for a service,
 * per SLA period beside its attainment; for an initiative, per month.
 */
export function FeedbackView(props: FeedbackViewProps) {
  return (
    <PortfolioGate store={props.store} what="the feedback">
      {(tables) => <FeedbackContent {...props} tables={tables} />}
    </PortfolioGate>
  );
}

function FeedbackContent({ store, user, now, tables, targetKey }: FeedbackViewProps & { tables: PortfolioTables }) {
  const styles = useStyles();
  const grid = useFormGridStyles();
  const showUndo = useUndoToast();
  const targets = useMemo(
    () =>
      [
        ...[...tables.service.values()].map((s) => ({ key: s.value.key, title: s.value.name })),
        ...[...tables.initiative.values()].map((i) => ({ key: i.value.key, title: i.value.title })),
      ].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true })),
    [tables.service, tables.initiative],
  );
  const known = targetKey && targets.some((t) => t.key === targetKey) ? targetKey : undefined;
  const [target, setTarget] = useState<string | undefined>(known);
  const [score, setScore] = useState<number | undefined>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const titleOf = (key: string) => targets.find((t) => t.key === key)?.title ?? '';
  const isService = target?.startsWith('SVC-') === true;

  const rows = useMemo(() => {
    if (!target) return [];
    const feedback = [...tables.feedback.values()].map((s) => s.value);
    const service = [...tables.service.values()].find((s) => s.value.key === target)?.value;
    if (!service) return aggregateFeedback(feedback, target).map((p) => ({ ...p, sla: undefined }));
    const sla = slaAttainment(
      service,
      [...tables.slaRecord.values()].map((s) => s.value),
    ).periods;
    const periods = sla.map((p) => ({ start: p.periodStart, end: p.periodEnd }));
    // Feedback newer than the last SLA report still counts: in a period of its own until the SLA catches up.
    const lastEnd = periods.at(-1)?.end ?? '0000-01-01';
    const later = feedback
      .filter((f) => f.targetKey === target && f.at.slice(0, 10) > lastEnd)
      .map((f) => f.at.slice(0, 10))
      .sort();
    if (later.length > 0)
      periods.push({ start: periods.length ? isoDateOf(dayNumber(lastEnd) + 1) : later[0]!, end: later.at(-1)! });
    return aggregateFeedback(feedback, target, periods).map((p, i) => ({ ...p, sla: sla[i] }));
  }, [target, tables.feedback, tables.service, tables.slaRecord]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!target || score === undefined) return;
    setSaving(true);
    setError(undefined);
    try {
      const feedback: Feedback = {
        id: crypto.randomUUID(),
        targetKey: target,
        author: user,
        at: (now ?? new Date()).toISOString(),
        score,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      };
      const saved = await store.create('feedback', feedback);
      setScore(undefined);
      setComment('');
      showUndo(`Thank you: your feedback on ${target} is saved`, () =>
        store.delete('feedback', saved.value.id, saved.etag),
      );
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <ViewHeader title="Feedback" description="How satisfied are you with a service or an initiative? 1 to 5." />
      <form className={grid.form} onSubmit={(e) => void submit(e)} aria-label="Give feedback">
        <Field label="Service or initiative" required>
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
        <Field label="Satisfaction" required>
          <RadioGroup
            value={score === undefined ? '' : String(score)}
            onChange={(_, d) => setScore(Number(d.value))}
            layout="horizontal"
          >
            {[1, 2, 3, 4, 5].map((n) => (
              <Radio key={n} value={String(n)} label={String(n)} aria-label={`${n} — ${scoreWords[n]}`} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Comment" className={grid.wide}>
          <Textarea value={comment} onChange={(_, d) => setComment(d.value)} resize="vertical" />
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={saving || !target || score === undefined}>
            Send feedback
          </Button>
        </div>
        {error !== undefined && (
          <div className={grid.wide}>
            <ErrorState title="Your feedback was not saved" error={error} hint="Try again." />
          </div>
        )}
      </form>
      {target && (
        <section className={styles.section} aria-label={`Satisfaction with ${target}`}>
          <Text as="h2" size={500} weight="semibold">
            {target} {titleOf(target)}
          </Text>
          {rows.length === 0 ? (
            <EmptyState title="No feedback yet" hint="Be the first to say how it is going." />
          ) : (
            <Table aria-label="Satisfaction per period" size="small" data-testid="feedback-periods">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Period</TableHeaderCell>
                  {isService && <TableHeaderCell>SLA</TableHeaderCell>}
                  <TableHeaderCell>Responses</TableHeaderCell>
                  <TableHeaderCell>Average</TableHeaderCell>
                  <TableHeaderCell>Satisfied (4–5)</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...rows].reverse().map((r) => (
                  <TableRow key={r.periodStart} data-testid="feedback-period">
                    <TableCell>
                      {r.periodStart} to {r.periodEnd}
                    </TableCell>
                    {isService && (
                      <TableCell>
                        {r.sla
                          ? `${formatNumber(r.sla.availability, 2)}% ${r.sla.met ? 'met' : 'missed'}`
                          : 'not reported yet'}
                      </TableCell>
                    )}
                    <TableCell>{r.count}</TableCell>
                    <TableCell>{r.average === undefined ? '—' : formatNumber(r.average, 2)}</TableCell>
                    <TableCell>{formatPercent(r.satisfied)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
    </>
  );
}
