import type { FluentIcon } from '@fluentui/react-icons';
import {
  Book20Regular,
  ClipboardTask20Regular,
  History20Regular,
  PersonFeedback20Regular,
  Settings20Regular,
  CalendarCheckmark20Regular,
  DataTrending20Regular,
  Gavel20Regular,
  Lightbulb20Regular,
  ArrowSort20Regular,
  Server20Regular,
  TargetArrow20Regular,
  Timeline20Regular,
} from '@fluentui/react-icons';

/** Every page of the app, as the host names it in its URLs and deep links. */
export type ViewId =
  | 'roadmap'
  | 'objective'
  | 'portfolio'
  | 'kpis'
  | 'services'
  | 'decisions'
  | 'checkins'
  | 'ideas'
  | 'glossary'
  | 'planning'
  | 'feedback'
  | 'history'
  | 'settings';

/** A navigation entry: the view, its label and its icon (Teams wants icons with inline text, never icons alone). */
export interface ViewEntry {
  id: ViewId;
  label: string;
  icon: FluentIcon;
}

/** The views in navigation order. `objective` is reached from the roadmap and the portfolio, but is listed so it can be opened directly. */
export const VIEW_ENTRIES: readonly ViewEntry[] = [
  { id: 'roadmap', label: 'Roadmap', icon: Timeline20Regular },
  { id: 'objective', label: 'Objectives', icon: TargetArrow20Regular },
  { id: 'portfolio', label: 'Portfolio', icon: ArrowSort20Regular },
  { id: 'kpis', label: 'KPIs', icon: DataTrending20Regular },
  { id: 'services', label: 'Services and SLAs', icon: Server20Regular },
  { id: 'decisions', label: 'Decisions', icon: Gavel20Regular },
  { id: 'checkins', label: 'Check-ins', icon: CalendarCheckmark20Regular },
  { id: 'ideas', label: 'Ideas', icon: Lightbulb20Regular },
  { id: 'glossary', label: 'Glossary', icon: Book20Regular },
  { id: 'planning', label: 'Planning', icon: ClipboardTask20Regular },
  { id: 'feedback', label: 'Feedback', icon: PersonFeedback20Regular },
  { id: 'history', label: 'History', icon: History20Regular },
  { id: 'settings', label: 'Settings', icon: Settings20Regular },
];

/** Whether `value` names a view (hosts read it from URLs, so it must be checked). */
export function isViewId(value: unknown): value is ViewId {
  return typeof value === 'string' && VIEW_ENTRIES.some((v) => v.id === value);
}
