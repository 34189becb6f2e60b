import { ConflictError, type Initiative, type ScoringMethod } from '@tandem/core';
import { useCallback, useMemo, useState } from 'react';
import { governanceAccess } from '../app/governanceAccess.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import { valuesOf } from '../data/portfolioSnapshot.js';
import { useUndoToast } from '../feedback/undo.js';
import type { PendingConflict, PortfolioViewProps, PortfolioViewState } from './PortfolioView.types.js';
import { draftPatch, rankWithDrafts, SCORE_FIELDS, type ScoreDraft, type ScoreField } from './portfolioRanking.js';

const fieldLabels = new Map(Object.values(SCORE_FIELDS).flatMap((fs) => fs.map((f) => [f.field, f.label] as const)));

/**
 * The portfolio's state: the ranking (core's `rankPortfolio`, saved and with the user's drafts), editing of score inputs,
 * saving through `store.update` with the ETag read, undo, and conflicts shown with both versions.
 */
export function usePortfolioView(props: PortfolioViewProps, tables: PortfolioTables): PortfolioViewState {
  const { store } = props;
  const showUndo = useUndoToast();
  const [method, setMethod] = useState<ScoringMethod>('wsjf');
  const [drafts, setDrafts] = useState<ReadonlyMap<string, ScoreDraft>>(new Map());
  // The ETag of the version each draft was started from: a save must not silently overwrite a change made meanwhile,
  // even though the live snapshot already shows it.
  const [baseEtags, setBaseEtags] = useState<ReadonlyMap<string, string>>(new Map());
  const [saving, setSaving] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<{ key: string; error: unknown }>();
  const [conflict, setConflict] = useState<PendingConflict>();

  const access = useMemo(
    () => governanceAccess(tables, props.user, props.canEdit ?? false),
    [tables, props.user, props.canEdit],
  );
  const initiatives = useMemo(() => valuesOf(tables, 'initiative'), [tables]);
  const rows = useMemo(() => rankWithDrafts(initiatives, drafts, method), [initiatives, drafts, method]);
  const closedCount = initiatives.length - rows.length;

  const stored = useCallback((id: string) => tables.initiative.get(id), [tables]);
  const draftOf = useCallback((id: string) => drafts.get(id), [drafts]);

  const setDraftValue = useCallback(
    (initiative: Initiative, field: ScoreField, text: string) => {
      const etag = tables.initiative.get(initiative.id)?.etag;
      setBaseEtags((current) =>
        current.has(initiative.id) || !etag ? current : new Map(current).set(initiative.id, etag),
      );
      setDrafts((current) => {
        const next = new Map(current);
        const draft = { ...next.get(initiative.id), [field]: text };
        if (text === String(initiative[field])) delete draft[field];
        if (Object.keys(draft).length === 0) next.delete(initiative.id);
        else next.set(initiative.id, draft);
        return next;
      });
    },
    [tables],
  );

  const discard = useCallback((id: string) => {
    setDrafts((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
    setBaseEtags((current) => {
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  const write = useCallback(
    async (initiative: Initiative, patch: Partial<Pick<Initiative, ScoreField>>, etag: string) => {
      setSaving((s) => new Set(s).add(initiative.id));
      setFailure(undefined);
      try {
        const saved = await store.update('initiative', initiative.id, patch, etag);
        discard(initiative.id);
        const before = Object.fromEntries(Object.keys(patch).map((f) => [f, initiative[f as ScoreField]]));
        showUndo(`Saved the scores of ${initiative.key}`, () =>
          store.update('initiative', initiative.id, before, saved.etag),
        );
      } catch (error) {
        if (error instanceof ConflictError) {
          const theirs = (error as ConflictError<Initiative>).theirs?.value;
          setConflict({
            initiative,
            patch,
            error: error as ConflictError<Initiative>,
            fields: (Object.keys(patch) as ScoreField[]).map((f) => ({
              label: fieldLabels.get(f) ?? f,
              mine: String(patch[f]),
              theirs: theirs ? String(theirs[f]) : 'deleted',
            })),
          });
        } else {
          setFailure({ key: initiative.key, error });
        }
      } finally {
        setSaving((s) => {
          const next = new Set(s);
          next.delete(initiative.id);
          return next;
        });
      }
    },
    [store, discard, showUndo],
  );

  const save = useCallback(
    async (id: string) => {
      const current = tables.initiative.get(id);
      const draft = drafts.get(id);
      if (!current || !draft) return;
      await write(current.value, draftPatch(draft), baseEtags.get(id) ?? current.etag);
    },
    [tables, drafts, baseEtags, write],
  );

  const keepMine = useCallback(async () => {
    if (!conflict) return;
    setConflict(undefined);
    const theirs = conflict.error.theirs;
    if (!theirs) {
      setFailure({ key: conflict.initiative.key, error: new Error('It was deleted meanwhile') });
      return;
    }
    await write(theirs.value, conflict.patch, theirs.etag);
  }, [conflict, write]);

  const useTheirs = useCallback(() => {
    if (!conflict) return;
    discard(conflict.initiative.id);
    setConflict(undefined);
  }, [conflict, discard]);

  return {
    props,
    tables,
    access,
    method,
    setMethod,
    rows,
    closedCount,
    stored,
    draftOf,
    setDraftValue,
    discard,
    save,
    saving,
    failure,
    conflict,
    keepMine,
    useTheirs,
  };
}
