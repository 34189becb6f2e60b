import type { Link } from '../model/link.js';
import { itemsOf, type PortfolioData } from '../model/portfolio.js';

/**
 * The knowledge sessions of an objective: meetings tagged as learning and linked to it, its key results or its
 * initiatives, newest first (dated by when they took place, or were linked).
 */
export function knowledgeSessions(portfolio: PortfolioData, objectiveKey: string): Link[] {
  const keys = new Set<string>([objectiveKey]);
  for (const kr of itemsOf(portfolio, 'keyResult')) if (kr.objectiveKey === objectiveKey) keys.add(kr.key);
  for (const i of itemsOf(portfolio, 'initiative')) if (i.objectiveKeys.includes(objectiveKey)) keys.add(i.key);
  const when = (l: Link) => l.occurredAt ?? l.linkedAt;
  return itemsOf(portfolio, 'link')
    .filter((l) => l.kind === 'meeting' && l.learning === true && keys.has(l.targetKey))
    .sort((a, b) => when(b).localeCompare(when(a)));
}
