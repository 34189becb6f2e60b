import {
  Button,
  Input,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToggleButton,
} from '@fluentui/react-components';
import type { ScoringMethod } from '@tandem/core';
import { ViewHeader } from '../app/ViewHeader.js';
import { formatNumber } from '../display/format.js';
import { ConflictDialog } from '../feedback/ConflictDialog.js';
import { EmptyState } from '../feedback/EmptyState.js';
import { ErrorState } from '../feedback/ErrorState.js';
import type { PortfolioViewState } from './PortfolioView.types.js';
import { parseScoreInput, SCORE_FIELDS, type PortfolioRow } from './portfolioRanking.js';
import type { usePortfolioViewStyles } from './usePortfolioViewStyles.styles.js';

const methodLabels: Record<ScoringMethod, string> = { wsjf: 'WSJF', rice: 'RICE' };

/** Renders {@link PortfolioView} from its state. */
export function renderPortfolioView(state: PortfolioViewState, styles: ReturnType<typeof usePortfolioViewStyles>) {
  const { method, rows } = state;
  // The host lets the user edit (`canEdit`): the inputs show. Only governance members may change them.
  const canEdit = state.props.canEdit ?? false;
  const notMember = state.access.reason('changeScores');
  const fields = SCORE_FIELDS[method];
  return (
    <>
      <ViewHeader
        title="Portfolio"
        description={
          method === 'wsjf'
            ? 'Open initiatives ranked by WSJF: cost of delay (value + time criticality + risk reduction) over job size.'
            : 'Open initiatives ranked by RICE: reach × impact × confidence over effort.'
        }
        actions={
          <div role="group" aria-label="Scoring method" className={styles.toolbar}>
            {(['wsjf', 'rice'] as const).map((m) => (
              <ToggleButton
                key={m}
                size="small"
                checked={method === m}
                appearance={method === m ? 'primary' : 'secondary'}
                onClick={() => state.setMethod(m)}
              >
                {methodLabels[m]}
              </ToggleButton>
            ))}
          </div>
        }
      />
      {state.failure && (
        <ErrorState
          title={`The scores of ${state.failure.key} were not saved`}
          error={state.failure.error}
          hint="Correct the value named, or retry in a moment; your edit is still here."
        />
      )}
      {notMember && (
        <MessageBar intent="info" id="scores-locked" data-testid="scores-locked">
          <MessageBarBody>{notMember}.</MessageBarBody>
        </MessageBar>
      )}
      {rows.length === 0 ? (
        <EmptyState
          title="No open initiatives to rank"
          hint={
            state.closedCount > 0
              ? 'Every initiative is done or cancelled. Promote an idea or add an initiative to plan what comes next.'
              : 'Add initiatives (or promote ideas) and give them WSJF inputs to see them ranked here.'
          }
        />
      ) : (
        <div className={styles.tableRegion}>
          <Table
            className={mergeClasses(styles.table, !canEdit && styles.tableReadOnly)}
            size="small"
            aria-label={`Initiatives ranked by ${methodLabels[method]}`}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.rankCol}>Rank</TableHeaderCell>
                <TableHeaderCell>Initiative</TableHeaderCell>
                {fields.map((f) => (
                  <TableHeaderCell
                    key={f.field}
                    className={mergeClasses(styles.inputCol, !canEdit && styles.lowPriority)}
                    title={f.label}
                  >
                    {f.short}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell className={styles.scoreCol}>{methodLabels[method]}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>{rows.map((row) => renderRow(state, styles, row, canEdit))}</TableBody>
          </Table>
        </div>
      )}
      {state.conflict && (
        <ConflictDialog
          open
          subject={`${state.conflict.initiative.key} ${state.conflict.initiative.title}`}
          fields={state.conflict.fields}
          onKeepMine={() => void state.keepMine()}
          onUseTheirs={state.useTheirs}
        />
      )}
    </>
  );
}

function renderRow(
  state: PortfolioViewState,
  styles: ReturnType<typeof usePortfolioViewStyles>,
  row: PortfolioRow,
  canEdit: boolean,
) {
  const i = row.initiative;
  const draft = state.draftOf(i.id);
  const fields = SCORE_FIELDS[state.method];
  const invalid = fields.some(
    (f) => draft?.[f.field] !== undefined && 'error' in parseScoreInput(f.field, draft[f.field]!),
  );
  const busy = state.saving.has(i.id);
  return (
    <TableRow key={i.id} data-testid="portfolio-row" data-key={i.key} className={mergeClasses(draft && styles.edited)}>
      <TableCell>
        <div className={styles.rank}>
          <Text weight="semibold" data-testid="rank">
            #{row.rank}
          </Text>
          {draft && (
            <Text
              size={200}
              data-testid="rank-change"
              aria-live="polite"
              className={row.delta > 0 ? styles.up : row.delta < 0 ? styles.down : styles.same}
            >
              {row.delta > 0 ? `▲ ${row.delta}` : row.delta < 0 ? `▼ ${-row.delta}` : '＝'} #{row.draftRank}
              <span className={styles.visuallyHidden}>
                {row.delta === 0
                  ? ' rank unchanged'
                  : ` would move ${row.delta > 0 ? 'up' : 'down'} ${Math.abs(row.delta)} to rank ${row.draftRank}`}
              </span>
            </Text>
          )}
        </div>
      </TableCell>
      <TableCell>
        <Text weight="semibold" className={styles.title} title={`${i.key} ${i.title}`}>
          {i.key} {i.title}
        </Text>
        <Text
          size={200}
          className={styles.meta}
          title={`${i.objectiveKeys.join(', ') || 'No objective'} · ${i.itOwner.displayName}`}
        >
          {i.objectiveKeys.join(', ') || 'No objective'} · {i.itOwner.displayName}
        </Text>
        {canEdit && draft && (
          <div className={styles.actions}>
            <Button
              size="small"
              appearance="primary"
              disabled={invalid || busy}
              onClick={() => void state.save(i.id)}
              data-testid="save"
              aria-label={`Save the scores of ${i.key}`}
            >
              Save
            </Button>
            <Button size="small" onClick={() => state.discard(i.id)} aria-label={`Discard the edit of ${i.key}`}>
              Discard
            </Button>
          </div>
        )}
      </TableCell>
      {fields.map((f) => {
        const text = draft?.[f.field] ?? String(i[f.field]);
        const parsed = draft?.[f.field] !== undefined ? parseScoreInput(f.field, text) : undefined;
        const error = parsed && 'error' in parsed ? parsed.error : undefined;
        return (
          <TableCell key={f.field} className={mergeClasses(!canEdit && styles.lowPriority)}>
            {canEdit ? (
              <>
                <Input
                  className={styles.input}
                  size="small"
                  inputMode="decimal"
                  value={text}
                  aria-label={`${f.label} of ${i.key}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={
                    error
                      ? `${i.id}-${f.field}-error`
                      : state.access.reason('changeScores')
                        ? 'scores-locked'
                        : undefined
                  }
                  data-testid={`input-${f.field}`}
                  disabled={!state.access.may('changeScores')}
                  title={state.access.reason('changeScores')}
                  onChange={(_, d) => state.setDraftValue(i, f.field, d.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !invalid) void state.save(i.id);
                    if (e.key === 'Escape') state.discard(i.id);
                  }}
                />
                {error && (
                  <Text id={`${i.id}-${f.field}-error`} className={styles.invalid} role="alert">
                    {error}
                  </Text>
                )}
              </>
            ) : (
              <Text>{formatNumber(i[f.field], 2)}</Text>
            )}
          </TableCell>
        );
      })}
      <TableCell>
        <Text data-testid="score">{formatNumber(draft ? row.draftScore : row.score, 2)}</Text>
      </TableCell>
    </TableRow>
  );
}
