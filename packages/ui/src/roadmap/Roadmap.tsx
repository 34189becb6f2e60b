import { PortfolioGate } from '../data/PortfolioGate.js';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';
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
    <PortfolioGate store={props.store} what="the roadmap">
      {(tables) => <RoadmapFromTables props={props} tables={tables} />}
    </PortfolioGate>
  );
}

function RoadmapFromTables({ props, tables }: { props: RoadmapProps; tables: PortfolioTables }) {
  const state = useRoadmap(props, tables);
  const styles = useRoadmapStyles();
  return renderRoadmap(state, styles);
}
