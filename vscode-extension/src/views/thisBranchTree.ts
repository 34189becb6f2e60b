import type { Insights } from '../data/insights.js';
import { healthLabel } from '../data/insights.js';
import type { Portfolio } from '../data/portfolio.js';
import type { TreeNode } from './treeNode.js';

/**
 * This Branch: the branch's initiatives (or other keys), each with its objectives, key results and linked commits.
 * An info row says why it is empty (detached HEAD, no key in the branch).
 */
export function thisBranchTree(
  portfolio: Portfolio,
  insights: Insights,
  branch: { name: string | undefined; keys: readonly string[] } | undefined,
): TreeNode[] {
  if (!branch) return [{ id: 'info', label: 'No git repository in this workspace', kind: 'info' }];
  if (branch.name === undefined) return [{ id: 'info', label: 'Detached HEAD: check out a branch', kind: 'info' }];
  if (branch.keys.length === 0) {
    return [
      {
        id: 'info',
        label: `${branch.name} names no initiative`,
        description: 'Start Work on Initiative…',
        kind: 'info',
      },
    ];
  }
  return branch.keys.map((key) => {
    const initiative = portfolio.initiatives.find((i) => i.key === key);
    const links = portfolio.links
      .filter((l) => l.targetKey === key && l.kind === 'commit')
      .sort((a, b) => ((a.occurredAt ?? a.linkedAt) < (b.occurredAt ?? b.linkedAt) ? 1 : -1));
    const children: TreeNode[] = [];
    for (const ok of initiative?.objectiveKeys ?? []) {
      const o = portfolio.objectives.find((x) => x.key === ok);
      const h = insights.health.get(ok);
      children.push({
        id: `${key}/${ok}`,
        label: `${ok} ${o?.title ?? '(unknown objective)'}`,
        kind: 'objective',
        key: ok,
        ...(h ? { health: h.status, description: healthLabel(h.status) } : {}),
      });
      for (const kr of portfolio.keyResults.filter((k) => k.objectiveKey === ok)) {
        children.push({
          id: `${key}/${ok}/${kr.key}`,
          label: `${kr.key} ${kr.title}`,
          description: `${kr.currentValue} / ${kr.targetValue} ${kr.unit}`.trim(),
          kind: 'keyResult',
          key: kr.key,
        });
      }
    }
    for (const link of links) {
      children.push({
        id: `${key}/link/${link.id}`,
        label: link.title,
        description: `${link.sha?.slice(0, 7) ?? link.externalId} · ${link.author?.displayName ?? link.linkedBy.displayName}`,
        kind: 'commit',
        ...(link.url ? { url: link.url } : {}),
      });
    }
    const h = insights.health.get(key);
    return {
      id: key,
      label: initiative ? `${key} ${initiative.title}` : `${key} (not in the portfolio)`,
      description: initiative ? `${initiative.percentComplete}% · ${links.length} linked commits` : undefined,
      kind: 'initiative',
      key,
      ...(h ? { health: h.status } : {}),
      children,
      expanded: true,
    };
  });
}
