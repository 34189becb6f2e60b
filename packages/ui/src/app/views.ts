import type { FluentIcon } from '@fluentui/react-icons';
// Icons are imported from their own modules (`@fluentui/react-icons/svg/<name>`) throughout the UI, not from the
// package index: in a bundle with several entries the index leaves a placeholder for each of its thousands of unused
// icons (~85 KB more script for the tab's first screen to parse).
import { Book20Regular } from '@fluentui/react-icons/svg/book';
import { ClipboardTask20Regular } from '@fluentui/react-icons/svg/clipboard-task';
import { History20Regular } from '@fluentui/react-icons/svg/history';
import { PersonFeedback20Regular } from '@fluentui/react-icons/svg/person-feedback';
import { Settings20Regular } from '@fluentui/react-icons/svg/settings';
import { CalendarCheckmark20Regular } from '@fluentui/react-icons/svg/calendar-checkmark';
import { DataTrending20Regular } from '@fluentui/react-icons/svg/data-trending';
import { Gavel20Regular } from '@fluentui/react-icons/svg/gavel';
import { Lightbulb20Regular } from '@fluentui/react-icons/svg/lightbulb';
import { ArrowSort20Regular } from '@fluentui/react-icons/svg/arrow-sort';
import { Server20Regular } from '@fluentui/react-icons/svg/server';
import { TargetArrow20Regular } from '@fluentui/react-icons/svg/target-arrow';
import { Timeline20Regular } from '@fluentui/react-icons/svg/timeline';

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
