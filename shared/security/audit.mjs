#!/usr/bin/env node
// `npm run audit`: `npm audit --omit=dev` over what Tandem ships, and the list of those dependencies with their versions.
// When the registry does not answer the audit endpoint (some mirrors and proxies serve packages only), it says so and
// exits 2: no result is ever claimed without an answer from the advisory database. Exits 1 when the audit found
// vulnerabilities, 0 when it found none. `--list` prints the shipped dependencies as well; `--json` prints one JSON object.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The third-party packages installed for production use (not dev-only), from package-lock.json: name, version, and
 * whether it is a direct dependency of a workspace. Workspace packages themselves (Tandem's own) are left out.
 */
export function shippedDependencies(dir = root) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const direct = new Set();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path.includes('node_modules/')) continue;
    for (const name of Object.keys(entry.dependencies ?? {})) direct.add(name);
  }
  const seen = new Map();
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.includes('node_modules/') || entry.link || entry.dev) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (name.startsWith('@tandem/')) continue;
    const key = `${name}@${entry.version}`;
    if (!seen.has(key)) seen.set(key, { name, version: entry.version, direct: direct.has(name) });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/**
 * Runs `npm audit --omit=dev --json` and reads its answer: `{ ran: true, vulnerabilities, dependencies }`, or
 * `{ ran: false, reason }` when the registry did not answer with an audit report.
 */
export function runAudit(dir = root) {
  const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: dir, encoding: 'utf8' });
  let parsed;
  try {
    parsed = JSON.parse(audit.stdout);
  } catch (error) {
    const said = (audit.stderr || '').trim().split('\n')[0];
    return { ran: false, reason: said || `npm audit printed no JSON (${error.message})` };
  }
  if (parsed.metadata?.vulnerabilities) {
    return { ran: true, vulnerabilities: parsed.metadata.vulnerabilities, dependencies: parsed.metadata.dependencies };
  }
  return { ran: false, reason: parsed.message ?? parsed.error?.summary ?? 'no audit report in the answer' };
}

function main() {
  const args = new Set(process.argv.slice(2));
  const result = runAudit();
  const shipped = shippedDependencies();
  if (args.has('--json')) {
    console.log(JSON.stringify({ ...result, shipped }, null, 2));
  } else if (!result.ran) {
    console.error(`npm audit --omit=dev could NOT run: ${result.reason}`);
    console.error(
      'The registry npm is configured with gave no audit report (its advisory endpoint is unavailable), so there',
    );
    console.error(
      'is no result: nothing is known about vulnerabilities in the shipped dependencies. Run `npm run audit`',
    );
    console.error("where the npm registry's audit API is reachable; `npm run audit -- --list` lists what ships.");
  } else {
    const v = result.vulnerabilities;
    const total = Object.values(v).reduce((n, c) => n + c, 0);
    console.log(
      `npm audit --omit=dev: ${total} vulnerabilities (${Object.entries(v)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`,
    );
  }
  if (!args.has('--json') && args.has('--list')) {
    console.log(`\nShipped third-party packages (${shipped.length}; * = direct dependency of a workspace):`);
    for (const d of shipped) console.log(`  ${d.direct ? '*' : ' '} ${d.name}@${d.version}`);
  }
  if (!result.ran) return 2;
  return Object.values(result.vulnerabilities).some((n) => n > 0) ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main();
