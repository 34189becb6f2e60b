/**
 * Deep links into the tab. Teams carries the target in `subEntityId` (`context.page.subPageId` once opened);
 * in a browser the same target is in the query string. Both use `objective:OBJ-12`.
 */
import type { app } from '@microsoft/teams-js';

/** The entity id of the personal tab in the manifest. */
export const personalTabEntityId = 'tandem-roadmap';

/** A Teams deep link that opens the personal tab on an objective's page. */
export function objectiveDeepLink(teamsAppId: string, objectiveKey: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: `objective:${objectiveKey}` }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${personalTabEntityId}?context=${context}`;
}

/** Where a page should open: a view and, for an objective's page, its key. */
export interface LandingTarget {
  view?: string;
  objectiveKey?: string;
}

const objectiveTarget = /^objective:([A-Z]{2,5}-\d+)$/;

/** The target from Teams' `subPageId`, else from `?objective=` / `?view=` in the page URL. */
export function landingTarget(href: string, context?: app.Context): LandingTarget {
  const sub = context?.page.subPageId;
  const fromTeams = sub ? objectiveTarget.exec(sub) : null;
  if (fromTeams?.[1]) return { view: 'objective', objectiveKey: fromTeams[1] };
  const params = new URL(href).searchParams;
  const objective = params.get('objective');
  if (objective && /^[A-Z]{2,5}-\d+$/.test(objective)) return { view: 'objective', objectiveKey: objective };
  const view = params.get('view');
  return view ? { view } : {};
}
