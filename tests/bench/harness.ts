/**
 * The benchmark harness. Every figure is reported beside a baseline measured in the same run, as a ratio,
 * because these machines are noisy: absolute times mean little, ratios travel.
 * Bench files (`*.bench.ts`, anywhere in the repo) call `compare` or `record`; `npm run bench` runs them all.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** One line of bench/results.json. */
export interface Figure {
  group: string;
  name: string;
  unit: string;
  value: number;
  baseline: { label: string; value: number };
  /** value / baseline.value */
  ratio: number;
  runs?: number;
  goal?: string;
  note?: string;
}

/** Something to time: `run` is called once a measurement; `setup` (untimed) before each. */
export interface Timed {
  label: string;
  run: () => unknown;
  setup?: () => unknown;
}

/** Appends a figure to the results of this run (or prints it when run outside `npm run bench`). */
export function record(figure: Omit<Figure, 'ratio'>): Figure {
  const full: Figure = { ...figure, ratio: figure.baseline.value === 0 ? NaN : figure.value / figure.baseline.value };
  const out = process.env.TANDEM_BENCH_OUT;
  if (out) appendFileSync(out, JSON.stringify(full) + '\n');
  console.log(
    `${figure.group} › ${figure.name}: ${fmt(full.value)} ${figure.unit} vs ${figure.baseline.label} ${fmt(figure.baseline.value)} ${figure.unit} → ×${fmt(full.ratio)}`,
  );
  return full;
}

/** The median of `xs` (which it sorts). */
export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * How far the ratio of medians of `subject` to `baseline` (measured in pairs, `subject[i]` beside `baseline[i]`) can be
 * trusted: its 95% interval from 2,000 resamples of the pairs (a bootstrap, seeded, so a run's interval is repeatable
 * from its samples).
 */
export function ratioInterval(baseline: readonly number[], subject: readonly number[]): [number, number] {
  if (baseline.length !== subject.length || baseline.length === 0) throw new Error('ratioInterval needs pairs');
  let seed = 0x2545f491;
  const random = () => {
    // mulberry32
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const n = baseline.length;
  const ratios: number[] = [];
  for (let r = 0; r < 2000; r++) {
    const b: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      b.push(baseline[pick]!);
      s.push(subject[pick]!);
    }
    ratios.push(median(s) / median(b));
  }
  ratios.sort((x, y) => x - y);
  return [ratios[Math.floor(0.025 * ratios.length)]!, ratios[Math.ceil(0.975 * ratios.length) - 1]!];
}

/**
 * Times `subject` against `baseline`, interleaved run by run so that drift in the machine hits both alike,
 * and records the medians in milliseconds with their ratio.
 */
export async function compare(
  group: string,
  name: string,
  baseline: Timed,
  subject: Timed,
  options: { runs?: number; warmup?: number; goal?: string; note?: string } = {},
): Promise<Figure> {
  const runs = options.runs ?? 7;
  const warmup = options.warmup ?? 1;
  const times = { baseline: [] as number[], subject: [] as number[] };
  for (let i = 0; i < warmup + runs; i++) {
    for (const [key, t] of [
      ['baseline', baseline],
      ['subject', subject],
    ] as const) {
      await t.setup?.();
      const start = performance.now();
      await t.run();
      const ms = performance.now() - start;
      if (i >= warmup) times[key].push(ms);
    }
  }
  return record({
    group,
    name: `${name} (${subject.label})`,
    unit: 'ms',
    value: median(times.subject),
    baseline: { label: baseline.label, value: median(times.baseline) },
    runs,
    ...(options.goal ? { goal: options.goal } : {}),
    ...(options.note ? { note: options.note } : {}),
  });
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3);
}
