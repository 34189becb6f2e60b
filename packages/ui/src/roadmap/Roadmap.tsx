import { PortfolioGate } from '../data/PortfolioGate.js';
import { FIRST_KINDS, type PortfolioTables } from '../data/portfolioSnapshot.js';
import type { RoadmapProps } from './Roadmap.types.js';
import { renderRoadmap } from './renderRoadmap.js';
import { useRoadmap } from './useRoadmap.js';
import { useRoadmapStyles } from './useRoadmapStyles.styles.js';

/**
 * The roadmap: a lane per objective, initiative bars by quarter (or month) coloured by health, today's marker,
 * dependency arrows, filters by owner, status and objective kind, keyboard navigation between bars, and rows
 * virtualised so thousands of initiatives stay smooth.
 */
export function Roadmap(props: RoadmapProps) {
  return (
    // The roadmap draws as soon as its own kinds are in; the rest of the portfolio loads behind it.
    <PortfolioGate store={props.store} what="the roadmap" needs={FIRST_KINDS}>
      {(tables) => <RoadmapFromTables props={props} tables={tables} />}
    </PortfolioGate>
  );
}

function RoadmapFromTables({ props, tables }: { props: RoadmapProps; tables: PortfolioTables }) {
  const state = useRoadmap(props, tables);
  const styles = useRoadmapStyles();
  return renderRoadmap(state, styles);
}
