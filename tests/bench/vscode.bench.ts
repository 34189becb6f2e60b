/**
 * The VS Code extension in a real extension host (code-server), each figure beside a baseline from the same host:
 * - activation: `activate()` of Tandem (production bundle) against an empty extension, both installed and neither
 *   with an activation event, activated by a probe in the host in alternating order, a fresh extension host per run;
 * - memory: the extension host's JavaScript heap with Tandem active and the demo portfolio cached, against the same
 *   host just before Tandem was activated.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, record } from '@tandem/tests/bench';
import { startCodeServer } from '../vscode-host/codeServer.js';
import { createRepository } from '../vscode-host/git.js';
import { repoRoot } from '../vscode-host/install.js';
import { startSeededGraph } from '../vscode-host/seed.js';
import { runInExtensionHost } from '../vscode-host/workbench.js';

const RUNS = 8;
const extensionDir = join(repoRoot, 'vscode-extension');
const work = mkdtempSync(join(tmpdir(), 'tandem-bench-vscode-'));

execFileSync(
  join(repoRoot, 'node_modules', '.bin', 'webpack'),
  ['--mode', 'production', '--config-name', 'extension', '--config-name', 'host-bench'],
  { cwd: extensionDir, stdio: 'inherit' },
);

// Tandem as installed, but with no activation event: only the probe activates it.
const tandem = join(work, 'tandem');
mkdirSync(join(tandem, 'dist'), { recursive: true });
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as Record<string, unknown>;
writeFileSync(join(tandem, 'package.json'), JSON.stringify({ ...manifest, activationEvents: [] }));
cpSync(join(extensionDir, 'dist', 'extension.cjs'), join(tandem, 'dist', 'extension.cjs'));
cpSync(join(extensionDir, 'package.nls.json'), join(tandem, 'package.nls.json'));
cpSync(join(extensionDir, 'media'), join(tandem, 'media'), { recursive: true });

const empty = join(work, 'empty');
mkdirSync(empty);
writeFileSync(
  join(empty, 'package.json'),
  JSON.stringify({
    name: 'empty',
    publisher: 'bench',
    version: '0.0.1',
    engines: { vscode: '^1.95.0' },
    main: './extension.js',
    activationEvents: [],
  }),
);
writeFileSync(
  join(empty, 'extension.js'),
  'exports.activate = function () {};\nexports.deactivate = function () {};\n',
);

const runner = join(work, 'runner');
mkdirSync(runner);
writeFileSync(
  join(runner, 'package.json'),
  JSON.stringify({ name: 'runner', publisher: 'bench', version: '0.0.1', engines: { vscode: '^1.95.0' } }),
);

const orderFile = join(work, 'order.txt');
const graph = await startSeededGraph();
const repo = createRepository(
  { 'README.md': '# bench\n', 'src/a.ts': '// INI-1\n' },
  { remote: 'git@github.com:contoso-retail/webshop.git' },
);
const server = await startCodeServer({
  unpacked: { 'tandem.tandem-0.2.0': tandem, 'bench.empty-0.0.1': empty },
  settings: { 'tandem.graphUrl': graph.server.origin, 'tandem.localUser': 'megan@contoso.test' },
  env: { TANDEM_BENCH_ORDER_FILE: orderFile },
});

interface Sample {
  empty: number;
  tandem: number;
  heapBefore: number;
  heapAfter: number;
  objectives: number;
}
const samples: Sample[] = [];
try {
  for (let i = 0; i < RUNS + 1; i++) {
    writeFileSync(orderFile, i % 2 === 0 ? 'empty,tandem' : 'tandem,empty');
    const run = await runInExtensionHost(
      {
        server,
        folder: repo,
        extensionDevelopmentPath: runner,
        extensionTestsPath: join(extensionDir, 'dist', 'host-bench.cjs'),
      },
      { echo: false, timeoutMs: 120_000 },
    );
    const line = run.logs.find((l) => l.includes('TANDEM_BENCH '));
    if (!line)
      throw new Error(`no measurement from the host (exit ${run.exitCode}):\n${run.logs.slice(-30).join('\n')}`);
    const sample = JSON.parse(line.slice(line.indexOf('TANDEM_BENCH ') + 'TANDEM_BENCH '.length)) as Sample;
    if (sample.objectives === 0) throw new Error('the portfolio did not load in the host');
    if (i > 0) samples.push(sample); // the first run warms code-server's caches
  }
} finally {
  await server.stop();
  await graph.close();
  rmSync(repo, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}

record({
  group: 'vscode',
  name: 'activation in the extension host (Tandem, production bundle)',
  unit: 'ms',
  value: median(samples.map((s) => s.tandem)),
  baseline: { label: 'empty extension, same host', value: median(samples.map((s) => s.empty)) },
  runs: samples.length,
  goal: '≤ 2×',
  note: 'both figures include the host’s own activation work; Tandem’s activate() returns before any network or git work',
});
const mb = (bytes: number) => bytes / 2 ** 20;
record({
  group: 'vscode',
  name: 'extension host JS heap with Tandem active and the demo portfolio cached',
  unit: 'MB',
  value: median(samples.map((s) => mb(s.heapAfter))),
  baseline: { label: 'the same host before Tandem activated', value: median(samples.map((s) => mb(s.heapBefore))) },
  runs: samples.length,
  note: `${samples[0]?.objectives ?? 0} objectives and every list the views read, in memory`,
});
