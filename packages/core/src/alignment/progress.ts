import type { KeyResult } from '../model/keyResult.js';
import type { Objective } from '../model/objective.js';

/** The fields progress is computed from. */
export type KeyResultMeasure = Pick<KeyResult, 'direction' | 'startValue' | 'targetValue' | 'currentValue'>;

/**
 * How far a key result has come, from 0 to 1.
 * - increase/decrease: the share of the way from start to target, clamped (overshooting counts as 1, going backwards as 0);
 *   when target equals start, 1 once the current value is at or beyond it in the right direction, else 0.
 * - stayAbove/stayBelow: a threshold is held or not, so 1 or 0.
 * Non-finite values give 0.
 */
export function keyResultProgress(kr: KeyResultMeasure): number {
  const { startValue: start, targetValue: target, currentValue: current } = kr;
  if (![start, target, current].every(Number.isFinite)) return 0;
  switch (kr.direction) {
    case 'stayAbove':
      return current >= target ? 1 : 0;
    case 'stayBelow':
      return current <= target ? 1 : 0;
    case 'increase':
    case 'decrease': {
      if (target === start) {
        const reached = kr.direction === 'increase' ? current >= target : current <= target;
        return reached ? 1 : 0;
      }
      return clamp01((current - start) / (target - start));
    }
  }
}

/** What objective progress is rolled up from. */
export interface ProgressInputs {
  objectives: readonly Pick<Objective, 'key' | 'parentKey' | 'weight'>[];
  keyResults: readonly (KeyResultMeasure & Pick<KeyResult, 'objectiveKey' | 'weight'>)[];
}

/**
 * Progress of every objective, 0 to 1: the weighted mean of its key results (by their `weight`) and its child
 * objectives (by the child's `weight`, 1 when unset). Objectives with nothing measurable beneath them are left out,
 * and do not count against their parent. A parent cycle (bad data) is cut where it closes.
 */
export function objectiveProgressAll(inputs: ProgressInputs): Map<string, number> {
  const children = new Map<string, Pick<Objective, 'key' | 'weight'>[]>();
  for (const o of inputs.objectives) {
    if (o.parentKey === undefined) continue;
    const list = children.get(o.parentKey) ?? [];
    list.push(o);
    children.set(o.parentKey, list);
  }
  const krsOf = new Map<string, ProgressInputs['keyResults'][number][]>();
  for (const kr of inputs.keyResults) {
    const list = krsOf.get(kr.objectiveKey) ?? [];
    list.push(kr);
    krsOf.set(kr.objectiveKey, list);
  }

  const result = new Map<string, number>();
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (key: string): number | undefined => {
    if (done.has(key)) return result.get(key);
    if (visiting.has(key)) return undefined;
    visiting.add(key);
    let total = 0;
    let weights = 0;
    for (const kr of krsOf.get(key) ?? []) {
      total += kr.weight * keyResultProgress(kr);
      weights += kr.weight;
    }
    for (const child of children.get(key) ?? []) {
      const p = visit(child.key);
      if (p === undefined) continue;
      const w = child.weight ?? 1;
      total += w * p;
      weights += w;
    }
    visiting.delete(key);
    done.add(key);
    if (weights > 0) result.set(key, clamp01(total / weights));
    return result.get(key);
  };
  for (const o of inputs.objectives) visit(o.key);
  return result;
}

/** Progress of one objective (see `objectiveProgressAll`), or undefined when nothing beneath it is measurable. */
export function objectiveProgress(objectiveKey: string, inputs: ProgressInputs): number | undefined {
  return objectiveProgressAll(inputs).get(objectiveKey);
}

function clamp01(x: number): number {
  return Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x));
}
