import type { PersonRef } from '@tandem/core';
import type { Insights } from '../data/insights.js';
import { healthLabel } from '../data/insights.js';
import type { Portfolio } from '../data/portfolio.js';
import type { TreeNode } from './treeNode.js';

/** My Work: initiatives I own or sponsor, and those my commits named, ordered by WSJF rank. */
export function myWorkTree(
  portfolio: Portfolio,
  insights: Insights,
  me: PersonRef | undefined,
  committedKeys: readonly string[],
): TreeNode[] {
  const mine = (email: string) => me !== undefined && email.toLowerCase() === me.email.toLowerCase();
  const rows = portfolio.initiatives
    .filter((i) => mine(i.itOwner.email) || mine(i.businessSponsor.email) || committedKeys.includes(i.key))
    .sort((a, b) => (insights.wsjfRank.get(a.key) ?? 1e9) - (insights.wsjfRank.get(b.key) ?? 1e9));
  return rows.map((i) => {
    const h = insights.health.get(i.key);
    const why = [
      mine(i.itOwner.email) ? 'owner' : undefined,
      mine(i.businessSponsor.email) ? 'sponsor' : undefined,
      committedKeys.includes(i.key) ? 'committed' : undefined,
    ].filter(Boolean);
    const rank = insights.wsjfRank.get(i.key);
    return {
      id: i.key,
      label: `${i.key} ${i.title}`,
      description: [rank ? `WSJF #${rank}` : i.status, ...why].join(' · '),
      tooltip: `${i.title} — ${h ? healthLabel(h.status) : 'no health'}`,
      kind: 'initiative' as const,
      key: i.key,
      ...(h ? { health: h.status } : {}),
    };
  });
}
