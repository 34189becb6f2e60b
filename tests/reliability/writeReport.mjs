// Writes docs/reliability.md from the figures the reliability and security suites recorded (one JSON file each).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function read(dir) {
  const out = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')))
    out[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  return out;
}

function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const pct = (r) => `${Math.round(r * 100)}%`;

function faultSection(m) {
  if (!m) return '_Not run._';
  const faults = [...new Set(m.cells.map((c) => c.fault))];
  const rates = [...new Set(m.cells.map((c) => c.rate))];
  const writers = [...new Set(m.cells.map((c) => c.writer))];
  const summary = table(
    ['writer', ...faults.flatMap((f) => rates.map((r) => `${f} ${pct(r)}`))],
    writers.map((w) => [
      w,
      ...faults.flatMap((f) =>
        rates.map((r) => {
          const c = m.cells.find((x) => x.writer === w && x.fault === f && x.rate === r);
          return c ? (c.exactlyOnce ? (c.reruns ? `✓ (${c.reruns} retried by the user)` : '✓') : '✗') : '—';
        }),
      ),
    ]),
  );
  const detail = table(
    [
      'writer',
      'fault',
      'rate',
      'writes',
      'reruns',
      'HTTP requests',
      '429/503 answered (incl. inside $batch)',
      'exactly once',
    ],
    m.cells.map((c) => [
      c.writer,
      c.fault,
      pct(c.rate),
      c.writes,
      c.reruns,
      c.requests,
      c.throttled,
      c.exactlyOnce ? 'yes' : 'NO',
    ]),
  );
  const held = m.cells.filter((c) => c.exactlyOnce).length;
  return [
    `${held} of ${m.cells.length} cells held: every write landed exactly once. Sizes per cell: ${m.sizes.importRows} imported rows,`,
    `${m.sizes.tabEdits} tab edits on 10 initiatives, ${m.sizes.taggedMessages} messages tagged, ${m.sizes.commits} commits published.`,
    '"Retried by the user" counts what a user or CI job did after an error the writer reported: run the command again,',
    `or press the button again (each writer allows up to 5). Per writer: ${writers
      .map((w) => `${w} ${m.cells.filter((c) => c.writer === w).reduce((n, c) => n + c.reruns, 0)}`)
      .join(', ')}.`,
    '',
    summary,
    '',
    '<details><summary>Every cell</summary>',
    '',
    detail,
    '',
    '</details>',
  ].join('\n');
}

function keyValues(obj) {
  if (!obj) return '_Not run._';
  return table(
    ['figure', 'value'],
    Object.entries(obj).map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v]),
  );
}

/** Writes the report and returns its path. */
export function writeReliabilityReport(figuresDir, file) {
  const f = read(figuresDir);
  const sections = [
    '# Reliability and security figures',
    '',
    'Written by `npm run test:reliability` from the figures its suites recorded; do not edit by hand. Runs behind them:',
    '',
    ...(f.runs ?? []).map(
      (r) => `- ${r.finishedAt} UTC: \`${r.specs}\` — ${r.passed ? 'every suite passed' : '**some suites failed**'}`,
    ),
    '',
    '## Fault matrix',
    '',
    'Faults are injected by the local server (`POST /_local/faults`) on every Graph request, inside `$batch` too',
    '(429 and 503 with `Retry-After: 0`, dropped connections before the request is handled, writes applied and committed',
    'whose connection is then dropped without an answer (`"afterApply": true`), 40 ms of added latency).',
    "The CLI runs as a child process (`tandem import`, `tandem scan-commits`); the tab edit goes through the tab's own",
    "store (`openSite`), the tagging through the add-in's `tagItem`. After each cell the faults are cleared and the server read back.",
    '',
    faultSection(f.faultMatrix),
    '',
    '## Crash',
    '',
    '`tandem graph-local --data DIR` killed with SIGKILL in the middle of a 1,000-row `tandem import`, then restarted on the',
    'same folder; `PRAGMA integrity_check` and every written row checked straight from the database file, then the import run again.',
    '',
    keyValues(f.crash),
    '',
    '## Concurrency',
    '',
    'Ten clients (each its own GraphStore, PortfolioCache and SyncedStore, as a host wires them) edit 20 shared initiatives,',
    'one field a write, from the version their cache shows. Every write is applied, merged onto a newer version, or',
    'reported to its writer as a conflict; the final value of each field is that of the last write applied to it; after',
    "one refresh every client's cache equals the server.",
    '',
    keyValues(f.concurrency),
    '',
    '## Outbox',
    '',
    'Hosts driven: the `tandem` CLI itself, each command its own process: `tandem scan-commits` in a real git repository',
    'with the local server stopped keeps the commit links in its outbox file (in the CLI config folder, checked to hold no',
    'token); after the server restarts on the same data folder and port, the next `tandem export` sends them first;',
    '`tandem outbox` then lists nothing. A bare write-path process also queues creates and chained updates and a new',
    'process replays them. The VS Code extension is driven in its real extension host by `npm test -- tandem`: a',
    'publish while Graph answers 503 keeps the links (status item `$(cloud-upload) 2`), and a new extension-host session',
    'on the same global storage sends them on activation, each once.',
    '',
    keyValues(f.outbox),
    '',
  ];
  sections.push('## Shipped dependencies (`npm run audit`)', '');
  const audit = f.audit;
  if (!audit) sections.push('_Not run._', '');
  else if (audit.ran)
    sections.push(
      '`npm audit --omit=dev` against the registry’s advisory database:',
      '',
      keyValues({ ...audit.vulnerabilities, dependencies: audit.dependencies?.prod ?? audit.dependencies }),
      '',
    );
  else
    sections.push(
      `**The audit did not run**: ${audit.reason}. The registry this project's runs reach serves packages but not the`,
      'advisory endpoint, so nothing is claimed here about vulnerabilities. `npm run audit` must run where the npm',
      "registry's audit API is reachable (it exits 2 and says so when it is not); until then, review the list below.",
      '',
    );
  if (audit?.shipped) {
    const direct = audit.shipped.filter((d) => d.direct);
    sections.push(
      `What ships: ${audit.shipped.length} third-party packages (from package-lock.json, dev-only ones left out), ${direct.length} of them`,
      'direct dependencies of a workspace:',
      '',
      table(
        ['package', 'version'],
        direct.map((d) => [d.name, d.version]),
      ),
      '',
      '<details><summary>Every shipped package</summary>',
      '',
      table(
        ['package', 'version', 'direct'],
        audit.shipped.map((d) => [d.name, d.version, d.direct ? 'yes' : '']),
      ),
      '',
      '</details>',
      '',
    );
  }
  for (const [name, data] of Object.entries(f)) {
    if (!name.startsWith('security-')) continue;
    sections.push(`## ${data.title ?? name}`, '', data.summary ?? '', '', keyValues(data.figures), '');
  }
  writeFileSync(file, sections.join('\n'));
  return file;
}
