import {
  membershipOf,
  notMemberReason,
  SITE_SETTINGS_ID,
  type GovernedAction,
  type Membership,
  type PersonRef,
} from '@tandem/core';
import type { PortfolioTables } from '../data/portfolioSnapshot.js';

/** What the signed-in user may do on the site's governance, and why not when they may not. */
export interface GovernanceAccess extends Membership {
  /** Whether the user may take `action` (the host lets them edit, and they are a member or the site has no list). */
  may(action: GovernedAction): boolean;
  /** Why `action` is off for the user, in words they can act on; undefined when they may. */
  reason(action: GovernedAction): string | undefined;
}

/**
 * The user's governance rights from the site's member list (core's rule, which the store enforces on every write),
 * with reasons for disabled controls: "Only governance members can change scores — ask Adele Vance to add you".
 * Whom to ask is whoever last changed the member list (they can edit the settings), else a site owner.
 */
export function governanceAccess(tables: PortfolioTables, user: PersonRef, canEdit: boolean): GovernanceAccess {
  const settings = tables.siteSettings.get(SITE_SETTINGS_ID)?.value;
  const membership = membershipOf(settings, user);
  return {
    ...membership,
    may: () => canEdit && membership.allowed,
    reason: (action) =>
      !canEdit || membership.allowed ? undefined : `${notMemberReason(action)} — ask ${whoToAsk(tables)} to add you`,
  };
}

/** The person who last changed the governance member list (from the audit trail), or "a site owner". */
function whoToAsk(tables: PortfolioTables): string {
  let latest: { at: string; name: string } | undefined;
  for (const { value: entry } of tables.auditEntry.values()) {
    if (entry.entityKind !== 'siteSettings') continue;
    if (entry.action === 'update' && entry.field !== 'governanceMembers') continue;
    if (!latest || entry.at > latest.at) latest = { at: entry.at, name: entry.changedBy.displayName };
  }
  return latest?.name ?? 'a site owner';
}
