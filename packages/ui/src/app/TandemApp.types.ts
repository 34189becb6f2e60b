import type { NotificationSink, PersonRef, Store } from '@tandem/core';
import type { SkippedItem } from '../feedback/SkippedItemsBar.js';
import type { TandemThemeName } from './themes.js';
import type { ViewId } from './views.js';

/** Props of {@link TandemApp}, the whole tab: navigation and every view. */
export interface TandemAppProps {
  /** Where the data lives. */
  store: Store;
  /** Who is signed in. */
  user: PersonRef;
  /** The Teams theme; changing it restyles the app at once, without a reload. */
  theme: TandemThemeName;
  /** The view to show; when it changes the app follows. @default 'roadmap' */
  view?: ViewId;
  /** The objective whose page to show when `view` is `objective`. */
  objectiveKey?: string;
  /** Whether the user may change scores and records (governance members). @default false */
  canEdit?: boolean;
  /** Why editing is off, shown in a banner. */
  readOnlyReason?: string;
  /** Told of every navigation, so the host can update its URL or Teams' deep-link state. */
  onNavigate?(view: ViewId, key?: string): void;
  /** The Teams deep link of an objective, when the host has one. */
  teamsTabUrl?(objectiveKey: string): string;
  /** Today (tests pass a fixed day). @default new Date() */
  now?: Date;
  /** Sends the activity notifications a change calls for (the host posts them to Teams through Graph). */
  notify?: NotificationSink;
  /** Posts an HTML message to a Teams channel (the weekly digest); without it, "Post digest now" is not offered. */
  postChannelMessage?(teamId: string, channelId: string, html: string): Promise<{ id: string }>;
  /** The key a shared feedback link names (`/tab?feedback=SVC-2`): opens the feedback view on it. */
  feedbackKey?: string;
  /** List items the store left out because they failed validation: named in a non-blocking warning. @default [] */
  skippedItems?: readonly SkippedItem[];
  /** Ends Tandem's session (never the host's); without it no "Sign out" is offered. */
  onSignOut?(): void;
}

/** The state {@link useTandemApp} derives from the props and the user's navigation. */
export interface TandemAppState extends Required<Pick<TandemAppProps, 'store' | 'user' | 'theme' | 'canEdit'>> {
  view: ViewId;
  objectiveKey: string | undefined;
  readOnlyReason: string | undefined;
  now: Date;
  teamsTabUrl: TandemAppProps['teamsTabUrl'];
  postChannelMessage: TandemAppProps['postChannelMessage'];
  skippedItems: readonly SkippedItem[];
  onSignOut: TandemAppProps['onSignOut'];
  /** Whether the narrow-window navigation drawer is open. */
  navOpen: boolean;
  /** Whether the drawer was ever opened: it is mounted from then on, so Fluent closes it (and restores the page) itself. */
  navMounted: boolean;
  setNavOpen(open: boolean): void;
  navigate(view: ViewId, key?: string): void;
}
