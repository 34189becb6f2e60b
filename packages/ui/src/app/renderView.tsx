import type { ReactNode } from 'react';
import { GlossaryView } from '../glossary/GlossaryView.js';
import { Roadmap } from '../roadmap/Roadmap.js';
import { PortfolioView } from '../portfolio/PortfolioView.js';
import { KpiView } from '../kpis/KpiView.js';
import { ServicesView } from '../services/ServicesView.js';
import { ObjectivePage } from '../objective/ObjectivePage.js';
import { IdeasBoard } from '../ideas/IdeasBoard.js';
import { DecisionLog } from '../decisions/DecisionLog.js';
import { CheckInEditor } from '../checkins/CheckInEditor.js';
import { PlanningView } from '../planning/PlanningView.js';
import { FeedbackView } from '../csat/FeedbackView.js';
import { HistoryView } from '../history/HistoryView.js';
import { SettingsView } from '../settings/SettingsView.js';
import type { TandemAppState } from './TandemApp.types.js';
import type { ViewProps } from './viewProps.js';

/** The view of the app's current location. */
export function renderView(state: TandemAppState): ReactNode {
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
