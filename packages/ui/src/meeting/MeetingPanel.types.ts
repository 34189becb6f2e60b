import type { PersonRef, Store } from '@tandem/core';
import type { TandemThemeName } from '../app/themes.js';

/** The Teams meeting the panel is open in (from teams-js's context and the Graph online meeting). */
export interface MeetingInfo {
  /** The meeting's id (the link's external id). */
  id: string;
  /** The join URL; kept on the link and on decisions taken in the meeting. */
  joinUrl?: string;
  subject?: string;
  /** Start and end, ISO timestamps. */
  start?: string;
  end?: string;
}

/** Props of {@link MeetingPanel}. */
export interface MeetingPanelProps {
  store: Store;
  user: PersonRef;
  /** Teams asks for the dark theme in meetings; the host passes what Teams reports. */
  theme: TandemThemeName;
  meeting: MeetingInfo;
  /** Today (tests pass a fixed day). @default new Date() */
  now?: Date;
  /** Ends Tandem's session (never the meeting's); without it no "Sign out" is offered. */
  onSignOut?(): void;
}
