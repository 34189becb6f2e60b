/**
 * The views besides the roadmap, each loaded the first time it is shown. The roadmap is the tab's landing view and
 * comes with the app; the others (and the Fluent components only they use) are left out of the first screen's
 * scripts, which the page must download, compile and run before it can draw anything.
 */
import { lazy } from 'react';
import { loadWithRetry } from '../feedback/LoadBoundary.js';

/** The portfolio ranking view, on first use. */
export const PortfolioView = lazy(() =>
  loadWithRetry(() => import('../portfolio/PortfolioView.js')).then((m) => ({ default: m.PortfolioView })),
);
/** The KPI view, on first use. */
export const KpiView = lazy(() =>
  loadWithRetry(() => import('../kpis/KpiView.js')).then((m) => ({ default: m.KpiView })),
);
/** The services and SLAs view, on first use. */
export const ServicesView = lazy(() =>
  loadWithRetry(() => import('../services/ServicesView.js')).then((m) => ({ default: m.ServicesView })),
);
/** The objective page, on first use. */
export const ObjectivePage = lazy(() =>
  loadWithRetry(() => import('../objective/ObjectivePage.js')).then((m) => ({ default: m.ObjectivePage })),
);
/** The ideas board, on first use. */
export const IdeasBoard = lazy(() =>
  loadWithRetry(() => import('../ideas/IdeasBoard.js')).then((m) => ({ default: m.IdeasBoard })),
);
/** The decision log, on first use. */
export const DecisionLog = lazy(() =>
  loadWithRetry(() => import('../decisions/DecisionLog.js')).then((m) => ({ default: m.DecisionLog })),
);
/** The check-in editor, on first use. */
export const CheckInEditor = lazy(() =>
  loadWithRetry(() => import('../checkins/CheckInEditor.js')).then((m) => ({ default: m.CheckInEditor })),
);
/** The glossary, on first use. */
export const GlossaryView = lazy(() =>
  loadWithRetry(() => import('../glossary/GlossaryView.js')).then((m) => ({ default: m.GlossaryView })),
);
/** The planning view, on first use. */
export const PlanningView = lazy(() =>
  loadWithRetry(() => import('../planning/PlanningView.js')).then((m) => ({ default: m.PlanningView })),
);
/** The feedback view, on first use. */
export const FeedbackView = lazy(() =>
  loadWithRetry(() => import('../csat/FeedbackView.js')).then((m) => ({ default: m.FeedbackView })),
);
/** The history view, on first use. */
export const HistoryView = lazy(() =>
  loadWithRetry(() => import('../history/HistoryView.js')).then((m) => ({ default: m.HistoryView })),
);
/** The settings view, on first use. */
export const SettingsView = lazy(() =>
  loadWithRetry(() => import('../settings/SettingsView.js')).then((m) => ({ default: m.SettingsView })),
);
