import { Suspense, type ReactNode } from 'react';
import { Roadmap } from '../roadmap/Roadmap.js';
import { LoadingState } from '../feedback/LoadingState.js';
import { LoadBoundary } from '../feedback/LoadBoundary.js';
import { VIEW_ENTRIES } from './views.js';
import {
  CheckInEditor,
  DecisionLog,
  FeedbackView,
  GlossaryView,
  HistoryView,
  IdeasBoard,
  KpiView,
  ObjectivePage,
  PlanningView,
  PortfolioView,
  ServicesView,
  SettingsView,
} from './lazyViews.js';
import type { TandemAppState } from './TandemApp.types.js';
import type { ViewProps } from './viewProps.js';

/**
 * The view of the app's current location; a view's own code may still be loading (see ./lazyViews.tsx), or fail to
 * come, which that view alone then says (a new view starts afresh).
 */
export function renderView(state: TandemAppState): ReactNode {
  const label = VIEW_ENTRIES.find((v) => v.id === state.view)?.label ?? 'this view';
  return (
    <LoadBoundary key={state.view} what={`the ${label} view`}>
      <Suspense fallback={<LoadingState label="Loading the view" />}>{viewOf(state)}</Suspense>
    </LoadBoundary>
  );
}

function viewOf(state: TandemAppState): ReactNode {
  const props: ViewProps = {
    store: state.store,
    user: state.user,
    canEdit: state.canEdit,
    readOnlyReason: state.readOnlyReason,
    now: state.now,
    teamsTabUrl: state.teamsTabUrl,
    onOpenObjective: (key) => state.navigate('objective', key),
  };
  switch (state.view) {
    case 'roadmap':
      return <Roadmap {...props} />;
    case 'portfolio':
      return <PortfolioView {...props} />;
    case 'kpis':
      return <KpiView {...props} />;
    case 'services':
      return <ServicesView {...props} />;
    case 'objective':
      return <ObjectivePage {...props} objectiveKey={state.objectiveKey || undefined} />;
    case 'ideas':
      return <IdeasBoard {...props} />;
    case 'decisions':
      return <DecisionLog {...props} />;
    case 'checkins':
      return <CheckInEditor {...props} />;
    case 'glossary':
      return <GlossaryView {...props} />;
    case 'planning':
      return <PlanningView {...props} />;
    case 'feedback':
      return <FeedbackView {...props} targetKey={state.objectiveKey || undefined} />;
    case 'history':
      return <HistoryView {...props} targetKey={state.objectiveKey || undefined} />;
    case 'settings':
      return <SettingsView {...props} postChannelMessage={state.postChannelMessage} />;
  }
}
