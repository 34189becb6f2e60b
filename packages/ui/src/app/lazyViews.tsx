/**
 * The views besides the roadmap, each loaded the first time it is shown. The roadmap is the tab's landing view and
 * comes with the app; the others (and the Fluent components only they use) are left out of the first screen's
 * scripts, which the page must download, compile and run before it can draw anything.
 */
import { lazyPart } from './lazyPart.js';

/** The portfolio ranking view, on first use. */
export const PortfolioView = lazyPart(
  () => import('../portfolio/PortfolioView.js'),
  (m) => m.PortfolioView,
).Component;
/** The KPI view, on first use. */
export const KpiView = lazyPart(
  () => import('../kpis/KpiView.js'),
  (m) => m.KpiView,
).Component;
/** The services and SLAs view, on first use. */
export const ServicesView = lazyPart(
  () => import('../services/ServicesView.js'),
  (m) => m.ServicesView,
).Component;
/** The objective page, on first use. */
export const ObjectivePage = lazyPart(
  () => import('../objective/ObjectivePage.js'),
  (m) => m.ObjectivePage,
).Component;
/** The ideas board, on first use. */
export const IdeasBoard = lazyPart(
  () => import('../ideas/IdeasBoard.js'),
  (m) => m.IdeasBoard,
).Component;
/** The decision log, on first use. */
export const DecisionLog = lazyPart(
  () => import('../decisions/DecisionLog.js'),
  (m) => m.DecisionLog,
).Component;
/** The check-in editor, on first use. */
export const CheckInEditor = lazyPart(
  () => import('../checkins/CheckInEditor.js'),
  (m) => m.CheckInEditor,
).Component;
/** The glossary, on first use. */
export const GlossaryView = lazyPart(
  () => import('../glossary/GlossaryView.js'),
  (m) => m.GlossaryView,
).Component;
/** The planning view, on first use. */
export const PlanningView = lazyPart(
  () => import('../planning/PlanningView.js'),
  (m) => m.PlanningView,
).Component;
/** The feedback view, on first use. */
export const FeedbackView = lazyPart(
  () => import('../csat/FeedbackView.js'),
  (m) => m.FeedbackView,
).Component;
/** The history view, on first use. */
export const HistoryView = lazyPart(
  () => import('../history/HistoryView.js'),
  (m) => m.HistoryView,
).Component;
/** The settings view, on first use. */
export const SettingsView = lazyPart(
  () => import('../settings/SettingsView.js'),
  (m) => m.SettingsView,
).Component;
