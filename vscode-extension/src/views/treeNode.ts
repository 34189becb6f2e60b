import type { HealthStatus } from '@tandem/core';

/** A row of a Tandem tree view, host-free so that the trees can be tested outside VS Code. */
export interface TreeNode {
  /** Unique in its view (keeps expansion and selection across refreshes). */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Health shown as the icon; `kind` picks the icon when there is no health. */
  health?: HealthStatus;
  kind: 'objective' | 'keyResult' | 'initiative' | 'kpi' | 'commit' | 'info';
  /** The key a row stands for: a click shows its card, hovers and commands get it. */
  key?: string;
  /** Opens this address (commit links). */
  url?: string;
  children?: TreeNode[];
  /** Shown open at first (the rest start collapsed, so that a long portfolio stays scannable). */
  expanded?: boolean;
}
