import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
import type { PortfolioViewProps } from './PortfolioView.types.js';
import { renderPortfolioView } from './renderPortfolioView.js';
import { usePortfolioView } from './usePortfolioView.js';
import { usePortfolioViewStyles } from './usePortfolioViewStyles.styles.js';

/**
 * The ranked portfolio: open initiatives by WSJF (or RICE), score inputs editable in place by governance members
 * (`canEdit`), the rank each edit would give shown while typing, saved with the ETag read, with undo; a conflicting
 * change by someone else is shown beside the user's for them to choose.
 */
export function PortfolioView(props: PortfolioViewProps) {
  return (
    <PortfolioGate store={props.store} what="the portfolio">
      {(tables) => <PortfolioFromTables props={props} tables={tables} />}
    </PortfolioGate>
  );
}

function PortfolioFromTables({ props, tables }: { props: PortfolioViewProps; tables: PortfolioTables }) {
  const state = usePortfolioView(props, tables);
  const styles = usePortfolioViewStyles();
  return renderPortfolioView(state, styles);
}
