import type { PersonRef, Store } from '@tandem/core';

/** What every view receives from its host (or from {@link TandemApp}). */
export interface ViewProps {
  /** Where the data lives; the host builds it (Graph, the local server, or memory in tests). */
  store: Store;
  /** Who is signed in: votes, check-ins, decisions and links are recorded in their name. */
  user: PersonRef;
  /** Whether the user may change scores and records (governance members). @default false */
  canEdit?: boolean;
  /** Why editing is off, shown to the user when `canEdit` is false ("Only governance members can change scores"). */
  readOnlyReason?: string;
  /** Today, for the roadmap's marker and health; tests pass a fixed day. @default new Date() */
  now?: Date;
  /** Opens the page of an objective (the host or TandemApp navigates). */
  onOpenObjective?(objectiveKey: string): void;
  /** The Teams deep link of an objective's page, when the host has one (shown as "Copy link"). */
  teamsTabUrl?(objectiveKey: string): string;
}
