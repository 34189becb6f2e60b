import { findKeyMentions } from '../links/keyMentions.js';
import { itemsOf, type PortfolioData } from '../model/portfolio.js';

/** What belongs to an objective or initiative, for the loop's reports. */
export interface TargetScope {
  /** The target itself, and for an objective its key results and initiatives: links and decisions on these count. */
  keys: Set<string>;
  /** The KPIs measured for it (an objective's own, or the KPIs of the objectives an initiative serves). */
  kpiKeys: Set<string>;
  /** The services it names (in its description, or in a decision about it). */
  serviceKeys: Set<string>;
}

/** The scope of `targetKey` (an objective or initiative key) in `portfolio`. */
export function targetScope(portfolio: PortfolioData, targetKey: string): TargetScope {
  const keys = new Set<string>([targetKey]);
  const objectiveKeys = new Set<string>();
  let description: string | undefined;
  const objective = itemsOf(portfolio, 'objective').find((o) => o.key === targetKey);
  const initiative = itemsOf(portfolio, 'initiative').find((i) => i.key === targetKey);
  if (objective) {
    objectiveKeys.add(objective.key);
    description = objective.description;
    for (const kr of itemsOf(portfolio, 'keyResult')) if (kr.objectiveKey === targetKey) keys.add(kr.key);
    for (const i of itemsOf(portfolio, 'initiative')) if (i.objectiveKeys.includes(targetKey)) keys.add(i.key);
  } else if (initiative) {
    for (const o of initiative.objectiveKeys) objectiveKeys.add(o);
    description = initiative.description;
  }
  const kpiKeys = new Set(
    itemsOf(portfolio, 'kpi')
      .filter((k) => objectiveKeys.has(k.objectiveKey))
      .map((k) => k.key),
  );
  const serviceKeys = new Set<string>();
  const addServices = (text: string | undefined) => {
    for (const key of findKeyMentions(text ?? '')) if (key.startsWith('SVC-')) serviceKeys.add(key);
  };
  addServices(description);
  for (const d of itemsOf(portfolio, 'decision')) {
    if (d.relatedKeys.some((k) => keys.has(k)))
      for (const k of d.relatedKeys) if (k.startsWith('SVC-')) serviceKeys.add(k);
  }
  return { keys, kpiKeys, serviceKeys };
}
