/**
 * Importing 100,000 rows: time and peak memory (RSS) of `tandem import` into the local Graph server, beside a baseline
 * measured in the same run — the same file read and validated without writing anything. Each side runs in a process of
 * its own so its peak RSS is its own; the local server runs in this process.
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { record } from '@tandem/tests/bench';

const rows = Number(process.env.TANDEM_BENCH_IMPORT_ROWS ?? 100_000);
const header = 'key,objectiveKey,title,metric,unit,direction,startValue,targetValue,currentValue,weight';

interface ChildResult {
  ms: number;
  maxRssMiB: number;
  imported?: number;
}

async function writeRows(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(header + '\r\n');
  for (let n = 1; n <= rows; n++) {
    const line = `KR-${n},OBJ-${(n % 50) + 1},"Result ${n}, measured weekly",Signups,count,increase,0,${100 + (n % 7)},${n % 100},1\r\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** What a child process does: `validate` reads and checks the file; `import` runs the real command. */
async function child(mode: string, file: string, graph: string): Promise<void> {
  const started = performance.now();
  let imported: number | undefined;
  if (mode === 'validate') {
    const { readEntityFile } = await import('./entitySource.js');
    let valid = 0;
    for await (const row of readEntityFile('keyResult', file, 'csv')) if (row.entity) valid++;
    if (valid !== rows) throw new Error(`validated ${valid} of ${rows} rows`);
  } else {
    const { main } = await import('../main.js');
    let stdout = '';
    const code = await main(['import', file, '--kind', 'keyResult', '--graph', graph, '--json'], {
      stdout: (t) => void (stdout += t),
      stderr: (t) => void process.stderr.write(t),
    });
    if (code !== 0) throw new Error(`tandem import exited ${code}`);
    imported = (JSON.parse(stdout) as { created: number }).created;
    if (imported !== rows) throw new Error(`imported ${imported} of ${rows} rows`);
  }
  const result: ChildResult = {
    ms: performance.now() - started,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    ...(imported !== undefined ? { imported } : {}),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

function runChild(mode: string, file: string, graph: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', fileURLToPath(import.meta.url), 'child', mode, file, graph],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CI: '1' } },
    );
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${mode} child exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ChildResult);
    });
  });
}

async function bench(): Promise<void> {
  const { startGraphLocal } = await import('@tandem/graph-local');
  const folder = await mkdtemp(join(tmpdir(), 'tandem-import-bench-'));
  const file = join(folder, 'key-results.csv');
  await writeRows(file);
  const size = (await stat(file)).size;
  const server = await startGraphLocal({ port: 0, memory: true });
  try {
    const baseline = await runChild('validate', file, server.url);
    const subject = await runChild('import', file, server.url);
    const note = `${rows.toLocaleString('en-US')} rows, ${(size / 2 ** 20).toFixed(1)} MiB of CSV; one run each, each in its own process; the local Graph server (SQLite in memory) in the bench process`;
    record({
      group: 'cli import',
      name: `tandem import of ${rows.toLocaleString('en-US')} CSV rows: time`,
      unit: 'ms',
      value: subject.ms,
      baseline: { label: 'read and validate only', value: baseline.ms },
      runs: 1,
      note,
    });
    record({
      group: 'cli import',
      name: `tandem import of ${rows.toLocaleString('en-US')} CSV rows: peak RSS`,
      unit: 'MiB',
      value: subject.maxRssMiB,
      baseline: { label: 'read and validate only', value: baseline.maxRssMiB },
      runs: 1,
      goal: 'streaming: peak memory independent of the file size',
    });
  } finally {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
else await bench();
