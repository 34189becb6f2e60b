import type { Initiative } from '../model/initiative.js';

/** A problem in the dependencies between initiatives. */
export type DependencyIssue =
  /** These initiatives depend on each other in a circle (listed from the lowest key, in dependency order). */
  | { kind: 'cycle'; keys: string[] }
  /** `key` depends on an initiative that does not exist. */
  | { kind: 'missing'; key: string; dependsOn: string }
  /** `dependsOn` ends on or after the day `key` starts, though `key` needs it finished first. */
  | { kind: 'ordering'; key: string; dependsOn: string; dependencyEnd: string; start: string }
  /** `key` depends on a cancelled initiative. */
  | { kind: 'cancelledDependency'; key: string; dependsOn: string };

/**
 * Checks the dependencies of a portfolio: circles, missing and cancelled dependencies, and dependencies that end
 * after (or on the day) the initiative needing them starts. Issues come in a stable order: by initiative key, then kind.
 * Done and cancelled initiatives raise no ordering issue of their own.
 */
export function checkDependencies(
  initiatives: readonly Pick<Initiative, 'key' | 'dependsOn' | 'start' | 'end' | 'status'>[],
): DependencyIssue[] {
  const byKey = new Map(initiatives.map((i) => [i.key, i]));
  const issues: DependencyIssue[] = [];
  const sorted = sortByKey(initiatives);
  for (const initiative of sorted) {
    for (const dep of initiative.dependsOn) {
      const target = byKey.get(dep);
      if (!target) issues.push({ kind: 'missing', key: initiative.key, dependsOn: dep });
      else if (target.status === 'cancelled')
        issues.push({ kind: 'cancelledDependency', key: initiative.key, dependsOn: dep });
      else if (initiative.status !== 'done' && initiative.status !== 'cancelled' && target.end >= initiative.start) {
        issues.push({
          kind: 'ordering',
          key: initiative.key,
          dependsOn: dep,
          dependencyEnd: target.end,
          start: initiative.start,
        });
      }
    }
  }
  for (const keys of findCycles(sorted, byKey)) issues.push({ kind: 'cycle', keys });
  return issues;
}

/** Strongly connected components with more than one member (or a self-loop), by Tarjan's algorithm, iteratively. */
function findCycles(
  sorted: readonly Pick<Initiative, 'key' | 'dependsOn'>[],
  byKey: Map<string, Pick<Initiative, 'key' | 'dependsOn'>>,
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const root of sorted) {
    if (index.has(root.key)) continue;
    const depsOf = (key: string) => (byKey.get(key)?.dependsOn ?? []).filter((d) => byKey.has(d));
    const work: { key: string; next: number; deps: string[] }[] = [{ key: root.key, next: 0, deps: depsOf(root.key) }];
    index.set(root.key, counter);
    low.set(root.key, counter++);
    stack.push(root.key);
    onStack.add(root.key);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.deps.length) {
        const dep = frame.deps[frame.next++]!;
        if (!index.has(dep)) {
          index.set(dep, counter);
          low.set(dep, counter++);
          stack.push(dep);
          onStack.add(dep);
          work.push({ key: dep, next: 0, deps: depsOf(dep) });
        } else if (onStack.has(dep)) {
          low.set(frame.key, Math.min(low.get(frame.key)!, index.get(dep)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.key, Math.min(low.get(parent.key)!, low.get(frame.key)!));
      if (low.get(frame.key) === index.get(frame.key)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.key);
        const selfLoop = component.length === 1 && (byKey.get(frame.key)?.dependsOn.includes(frame.key) ?? false);
        if (component.length > 1 || selfLoop) cycles.push(orderCycle(component, byKey));
      }
    }
  }
  return cycles.sort((a, b) => compareKeys(a[0]!, b[0]!));
}

/** Lists a cycle's members from the lowest key, following dependencies where they stay inside the cycle. */
function orderCycle(component: string[], byKey: Map<string, Pick<Initiative, 'key' | 'dependsOn'>>): string[] {
  const members = new Set(component);
  const start = [...component].sort(compareKeys)[0]!;
  const ordered = [start];
  const seen = new Set(ordered);
  let current = start;
  for (;;) {
    const next = (byKey.get(current)?.dependsOn ?? [])
      .filter((d) => members.has(d) && !seen.has(d))
      .sort(compareKeys)[0];
    if (next === undefined) break;
    ordered.push(next);
    seen.add(next);
    current = next;
  }
  for (const rest of [...component].sort(compareKeys)) if (!seen.has(rest)) ordered.push(rest);
  return ordered;
}

/** Sorts by key (see `compareKeys`), splitting each key once. */
function sortByKey<T extends { key: string }>(items: readonly T[]): T[] {
  const decorated = items.map((item) => ({ item, parts: splitKey(item.key) }));
  decorated.sort(
    (a, b) =>
      (a.parts[0] < b.parts[0] ? -1 : a.parts[0] > b.parts[0] ? 1 : 0) ||
      a.parts[1] - b.parts[1] ||
      (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0),
  );
  return decorated.map((d) => d.item);
}

/** Keys by prefix, then by number (`INI-2` before `INI-10`). */
export function compareKeys(a: string, b: string): number {
  const [pa, na] = splitKey(a);
  const [pb, nb] = splitKey(b);
  return pa < pb ? -1 : pa > pb ? 1 : na - nb || (a < b ? -1 : a > b ? 1 : 0);
}

function splitKey(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  const n = Number(key.slice(dash + 1));
  return [key.slice(0, dash), Number.isFinite(n) ? n : 0];
}
