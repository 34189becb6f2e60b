// The public face of @tandem/ui: everything the hosts mount is exported here, and only here.
export { TandemApp } from './app/TandemApp.js';
export type { TandemAppProps } from './app/TandemApp.types.js';
export type { ViewProps } from './app/viewProps.js';
export { VIEW_ENTRIES, isViewId } from './app/views.js';
export type { ViewId, ViewEntry } from './app/views.js';
export { fluentThemeFor } from './app/themes.js';
export type { TandemThemeName } from './app/themes.js';
export { GlossaryView } from './glossary/GlossaryView.js';
export { IdeasBoard } from './ideas/IdeasBoard.js';
export { DecisionLog, ProposeForm } from './decisions/DecisionLog.js';
export type { DecisionLogProps } from './decisions/DecisionLog.js';
export { CheckInEditor } from './checkins/CheckInEditor.js';
export type { CheckInEditorProps } from './checkins/CheckInEditor.js';
export { usePortfolio } from './data/usePortfolio.js';
export type { PortfolioState } from './data/usePortfolio.js';
export type { PortfolioSnapshot, PortfolioTables } from './data/portfolioSnapshot.js';
export { safeHref } from './links/safeHref.js';
