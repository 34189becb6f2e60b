import type { ConflictError, Initiative, ScoringMethod, Stored } from '@tandem/core';
import type { GovernanceAccess } from '../app/governanceAccess.js';
import type { ViewProps } from '../app/viewProps.js';
import type { ConflictField } from '../feedback/ConflictDialog.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import type { PortfolioRow, ScoreDraft, ScoreField } from './portfolioRanking.js';

/** Props of {@link PortfolioView}. */
export type PortfolioViewProps = ViewProps;

/** A save refused because someone else changed the initiative: both versions, for the user to choose. */
export interface PendingConflict {
  initiative: Initiative;
  patch: Partial<Pick<Initiative, ScoreField>>;
  error: ConflictError<Initiative>;
  fields: ConflictField[];
}

/** The portfolio's state (see `usePortfolioView`). */
export interface PortfolioViewState {
  props: PortfolioViewProps;
  tables: PortfolioTables;
  /** Whether the user may change scores (a governance member), and why not. */
  access: GovernanceAccess;
  method: ScoringMethod;
  setMethod(method: ScoringMethod): void;
  rows: PortfolioRow[];
  closedCount: number;
  stored(id: string): Stored<Initiative> | undefined;
  draftOf(id: string): ScoreDraft | undefined;
  setDraftValue(initiative: Initiative, field: ScoreField, text: string): void;
  discard(id: string): void;
  save(id: string): Promise<void>;
  saving: ReadonlySet<string>;
  /** The last failure that was not a conflict (validation, outage), with the initiative it concerns. */
  failure: { key: string; error: unknown } | undefined;
  conflict: PendingConflict | undefined;
  keepMine(): Promise<void>;
  useTheirs(): void;
}
