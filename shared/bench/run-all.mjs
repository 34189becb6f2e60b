#!/usr/bin/env node
// `npm run bench [filter...]`: runs every *.bench.ts in the repo (each in its own process, one after another so that
// they do not compete for the two cores), then writes bench/results.json and bench/results.md.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const filters = process.argv.slice(2);
const skipDirs = new Set(['node_modules', 'dist', 'out', '.git', '.cache', '.tandem', '.test-results', 'build']);

function find(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) find(join(dir, entry.name), found);
    } else if (entry.name.endsWith('.bench.ts')) found.push(join(dir, entry.name));
  }
  return found;
}

const files = find(root)
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
const outDir = join(root, 'bench');
mkdirSync(outDir, { recursive: true });
const jsonl = join(outDir, '.current.jsonl');
rmSync(jsonl, { force: true });

const failures = [];
for (const file of files) {
  console.log(`\n━━ ${file} ━━`);
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--expose-gc', file], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TANDEM_BENCH_OUT: jsonl },
  });
  if (r.status !== 0) failures.push(file);
}

const fresh = existsSync(jsonl)
  ? readFileSync(jsonl, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
rmSync(jsonl, { force: true });

// A filtered run keeps the other groups' figures from the last full run.
const resultsFile = join(outDir, 'results.json');
const previous = filters.length && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).figures : [];
const freshGroups = new Set(fresh.map((f) => f.group));
const figures = [...previous.filter((f) => !freshGroups.has(f.group)), ...fresh];

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const command = 'npm run bench' + (filters.length ? ' -- ' + filters.join(' ') : '');
writeFileSync(
  resultsFile,
  JSON.stringify({ date: new Date().toISOString(), machine, command, figures }, null, 2) + '\n',
);

const n = (x) =>
  typeof x !== 'number' || !Number.isFinite(x)
    ? String(x)
    : Math.abs(x) >= 100
      ? x.toFixed(0)
      : Math.abs(x) >= 1
        ? x.toFixed(2)
        : x.toPrecision(3);
const lines = [
  '# Benchmark results',
  '',
  `Produced by \`${command}\` on ${new Date().toISOString().slice(0, 10)} (${machine}).`,
  'Each figure is measured beside its baseline in the same run; the ratio is what to compare across machines. Times are medians.',
  '',
];
for (const group of [...new Set(figures.map((f) => f.group))]) {
  lines.push(`## ${group}`, '', '| figure | value | baseline | ratio | goal |', '|---|---:|---|---:|---|');
  for (const f of figures.filter((x) => x.group === group)) {
    lines.push(
      `| ${f.name} | ${n(f.value)} ${f.unit} | ${f.baseline.label}: ${n(f.baseline.value)} ${f.unit} | ×${n(f.ratio)} | ${f.goal ?? ''} |`,
    );
    if (f.note) lines.push(`| ↳ ${f.note} | | | | |`);
  }
  lines.push('');
}
writeFileSync(join(outDir, 'results.md'), lines.join('\n'));
console.log(`\nwrote bench/results.md and bench/results.json (${figures.length} figures)`);
if (failures.length) {
  console.error(`failed: ${failures.join(', ')}`);
  process.exit(1);
}
