// Scoring and ranking at 100k initiatives, each beside the plain arithmetic or sort it builds on.
// Run with `npm run bench -- core`.
import { compare } from '@tandem/tests/bench';
import {
  checkDependencies,
  layoutRoadmap,
  objectiveProgressAll,
  rankPortfolio,
  riceScore,
  wsjfScore,
  type Initiative,
  type KeyResult,
} from '@tandem/core';

const N = 100_000;
let seed = 7;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const fib = [1, 2, 3, 5, 8, 13, 20];
const impacts = [0.25, 0.5, 1, 2, 3] as const;
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const person = { email: 'megan@contoso.test', displayName: 'Megan Bowen' };

const initiatives: Initiative[] = Array.from({ length: N }, (_, i) => {
  const start = int(0, 700);
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    key: `INI-${i + 1}`,
    title: `Initiative ${i + 1}`,
    objectiveKeys: [`OBJ-${int(1, 200)}`],
    dependsOn: i > 10 && random() < 0.3 ? [`INI-${int(1, i)}`] : [],
    itOwner: person,
    businessSponsor: person,
    start: day(start),
    end: day(start + int(14, 200)),
    status: random() < 0.8 ? 'inProgress' : 'done',
    percentComplete: int(0, 100),
    businessValue: fib[int(0, 6)]!,
    timeCriticality: fib[int(0, 6)]!,
    riskReduction: fib[int(0, 6)]!,
    jobSize: fib[int(0, 6)]!,
    reach: int(0, 1_000_000),
    impact: impacts[int(0, 4)]!,
    confidence: int(10, 100),
    effort: int(1, 24),
  };
});
const objectives = Array.from({ length: 200 }, (_, i) => ({
  key: `OBJ-${i + 1}`,
  title: `Objective ${i + 1}`,
  ...(i >= 20 ? { parentKey: `OBJ-${int(1, 20)}` } : {}),
}));
const keyResults: Pick<
  KeyResult,
  'objectiveKey' | 'weight' | 'direction' | 'startValue' | 'targetValue' | 'currentValue'
>[] = Array.from({ length: N }, () => ({
  objectiveKey: `OBJ-${int(1, 200)}`,
  weight: int(1, 3),
  direction: 'increase',
  startValue: 0,
  targetValue: 100,
  currentValue: int(0, 120),
}));
let sink = 0;

await compare(
  'core alignment',
  'wsjfScore × 100k',
  {
    label: 'inline arithmetic',
    run: () =>
      initiatives.forEach((i) => (sink += (i.businessValue + i.timeCriticality + i.riskReduction) / i.jobSize)),
  },
  { label: 'wsjfScore', run: () => initiatives.forEach((i) => (sink += wsjfScore(i))) },
);

await compare(
  'core alignment',
  'riceScore × 100k',
  {
    label: 'inline arithmetic',
    run: () => initiatives.forEach((i) => (sink += (i.reach * i.impact * (i.confidence / 100)) / i.effort)),
  },
  { label: 'riceScore', run: () => initiatives.forEach((i) => (sink += riceScore(i))) },
);

await compare(
  'core alignment',
  'rankPortfolio × 100k initiatives (WSJF)',
  {
    label: 'plain sort of the same scores',
    run: () => {
      const scores = initiatives.map((i) => (i.businessValue + i.timeCriticality + i.riskReduction) / i.jobSize);
      scores.sort((a, b) => b - a);
      sink += scores[0]!;
    },
  },
  { label: 'rankPortfolio', run: () => (sink += rankPortfolio(initiatives, { includeClosed: true }).length) },
  { goal: '≤ ×5 the plain sort (tie-breaks on key number)' },
);

await compare(
  'core alignment',
  'rankPortfolio × 100k initiatives (RICE)',
  {
    label: 'plain sort of the same scores',
    run: () => {
      const scores = initiatives.map((i) => (i.reach * i.impact * (i.confidence / 100)) / i.effort);
      scores.sort((a, b) => b - a);
      sink += scores[0]!;
    },
  },
  {
    label: 'rankPortfolio',
    run: () => (sink += rankPortfolio(initiatives, { by: 'rice', includeClosed: true }).length),
  },
);

await compare(
  'core alignment',
  'objectiveProgressAll × 100k key results',
  {
    label: 'plain weighted mean per objective',
    run: () => {
      const sums = new Map<string, number>();
      for (const kr of keyResults)
        sums.set(kr.objectiveKey, (sums.get(kr.objectiveKey) ?? 0) + kr.weight * kr.currentValue);
      sink += sums.size;
    },
  },
  { label: 'objectiveProgressAll', run: () => (sink += objectiveProgressAll({ objectives, keyResults }).size) },
);

await compare(
  'core alignment',
  'checkDependencies × 100k initiatives',
  {
    label: 'map + scan of dependencies',
    run: () => {
      const byKey = new Map(initiatives.map((i) => [i.key, i]));
      for (const i of initiatives) for (const d of i.dependsOn) if ((byKey.get(d)?.end ?? '') >= i.start) sink++;
    },
  },
  { label: 'checkDependencies', run: () => (sink += checkDependencies(initiatives).length) },
);

await compare(
  'core alignment',
  'layoutRoadmap × 100k initiatives, 200 objectives',
  {
    label: 'plain sort by start',
    run: () => (sink += [...initiatives].sort((a, b) => (a.start < b.start ? -1 : 1)).length),
  },
  { label: 'layoutRoadmap', run: () => (sink += layoutRoadmap(initiatives, objectives).lanes.length) },
  { runs: 5 },
);

if (sink === 0) console.log('nothing measured');
