import type { TandemAppProps } from './TandemApp.types.js';
import { renderTandemApp } from './renderTandemApp.js';
import { useTandemApp } from './useTandemApp.js';
import { useTandemAppStyles } from './useTandemAppStyles.styles.js';

/**
 * The whole Tandem tab: Teams-themed Fluent UI, a left navigation with icons and text (a hamburger menu below 900 px),
 * and the roadmap, objective, portfolio, KPI, service, decision, check-in, idea and glossary views over one `Store`.
 * No app header of its own: Teams already shows the app's name and icon.
 */
export function TandemApp(props: TandemAppProps) {
  const state = useTandemApp(props);
  const styles = useTandemAppStyles();
  return renderTandemApp(state, styles);
}
