import type { PersonRef } from '@tandem/core';
import type { Insights } from '../data/insights.js';
import { healthLabel } from '../data/insights.js';
import type { Portfolio } from '../data/portfolio.js';
import type { TreeNode } from './treeNode.js';

const pct = (x: number | undefined) => (x === undefined ? undefined : `${Math.round(x * 100)}%`);
const same = (a: string, b: string | undefined) => b !== undefined && a.toLowerCase() === b.toLowerCase();

/** Whether `me` owns, sponsors or is responsible for something under this objective. */
function involves(portfolio: Portfolio, objectiveKey: string, me: string, seen = new Set<string>()): boolean {
  if (seen.has(objectiveKey)) return false;
  seen.add(objectiveKey);
  const o = portfolio.objectives.find((x) => x.key === objectiveKey);
  if (o && same(o.owner.email, me)) return true;
  if (portfolio.keyResults.some((k) => k.objectiveKey === objectiveKey && k.owner && same(k.owner.email, me)))
    return true;
  if (
    portfolio.initiatives.some(
      (i) => i.objectiveKeys.includes(objectiveKey) && (same(i.itOwner.email, me) || same(i.businessSponsor.email, me)),
    )
  )
    return true;
  return portfolio.objectives.some((c) => c.parentKey === objectiveKey && involves(portfolio, c.key, me, seen));
}

/**
 * The Goals tree: objectives (top-level first, children beneath), each with its key results and initiatives, progress
 * and health. With `mineOnly`, only objectives where `me` owns or works on something.
 */
export function goalsTree(
  portfolio: Portfolio,
  insights: Insights,
  options: { mineOnly?: boolean; me?: PersonRef } = {},
): TreeNode[] {
  const known = new Set(portfolio.objectives.map((o) => o.key));
  const me = options.me?.email;
  const visible = (key: string) => !options.mineOnly || (me !== undefined && involves(portfolio, key, me));
  const build = (key: string, path: Set<string>): TreeNode | undefined => {
    const o = portfolio.objectives.find((x) => x.key === key);
    if (!o || path.has(key)) return undefined;
    const inner = new Set(path).add(key);
    const health = insights.health.get(key);
    const children: TreeNode[] = [];
    for (const child of portfolio.objectives.filter((c) => c.parentKey === key)) {
      if (!visible(child.key)) continue;
      const node = build(child.key, inner);
      if (node) children.push(node);
    }
    for (const kr of portfolio.keyResults.filter((k) => k.objectiveKey === key)) {
      children.push({
        id: `${key}/${kr.key}`,
        label: `${kr.key} ${kr.title}`,
        description: `${kr.currentValue} / ${kr.targetValue} ${kr.unit}`.trim(),
        tooltip: `${kr.metric}: ${kr.currentValue} of ${kr.targetValue} ${kr.unit}`.trim(),
        kind: 'keyResult',
        key: kr.key,
      });
    }
    for (const i of portfolio.initiatives.filter((x) => x.objectiveKeys.includes(key))) {
      const h = insights.health.get(i.key);
      children.push({
        id: `${key}/${i.key}`,
        label: `${i.key} ${i.title}`,
        description: `${i.percentComplete}% · ${i.status}`,
        tooltip: `${i.title} — ${h ? healthLabel(h.status) : 'no health'} · owner ${i.itOwner.displayName}`,
        kind: 'initiative',
        key: i.key,
        ...(h ? { health: h.status } : {}),
      });
    }
    return {
      id: key,
      label: `${key} ${o.title}`,
      description: [pct(insights.progress.get(key)), health ? healthLabel(health.status) : undefined]
        .filter(Boolean)
        .join(' · '),
      tooltip: `${o.title} — owner ${o.owner.displayName}, ${o.periodStart} to ${o.periodEnd}`,
      kind: 'objective',
      key,
      ...(health ? { health: health.status } : {}),
      children,
    };
  };
  const roots = portfolio.objectives
    .filter((o) => o.parentKey === undefined || !known.has(o.parentKey))
    .filter((o) => visible(o.key));
  return roots.map((o) => build(o.key, new Set())).filter((n): n is TreeNode => n !== undefined);
}
