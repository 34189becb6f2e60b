/**
 * History scan: Publish Commit Links reads a whole repository's history through `readHistory` (git log streamed through
 * the record parser into commits). Baseline: the same `git log` with the same format, its output only collected.
 * The repository is generated with `git fast-import`: 20,000 commits, a fifth with a trailer, a tenth with a bracketed key.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitKeys } from '@tandem/core';
import { compare } from '@tandem/tests/bench';
import { historyArgs, readHistory } from './history.js';

const COMMITS = 20_000;

function generateRepository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-history-'));
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const parts: string[] = [];
  const t0 = 1_760_000_000;
  for (let i = 1; i <= COMMITS; i++) {
    let message = `${i % 10 === 0 ? `[INI-${(i % 40) + 1}] ` : ''}Change ${i}: adjust the module\n\nWhy this change was made, in a line or two.\n`;
    if (i % 5 === 0) message += `\nInitiative: INI-${(i % 20) + 1}\n`;
    const bytes = Buffer.byteLength(message);
    parts.push(
      `commit refs/heads/main\nmark :${i}\nauthor Dana Developer <dana@contoso.example> ${t0 + i * 60} +0000\n` +
        `committer Dana Developer <dana@contoso.example> ${t0 + i * 60} +0000\ndata ${bytes}\n${message}` +
        (i > 1 ? `from :${i - 1}\n` : '') +
        `M 644 inline file${i % 50}.txt\ndata ${String(i).length + 1}\n${i}\n\n`,
    );
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: parts.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', 'main'], { cwd: dir });
  return dir;
}

/** Raw git log with the same arguments: the output collected, nothing parsed. */
function rawGitLog(cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', historyArgs(), { cwd, env: { ...process.env, LC_ALL: 'C' } });
    let length = 0;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (length += chunk.length));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve(length) : reject(new Error(`git log exited ${code}`))));
  });
}

const repo = generateRepository();
try {
  const commits = await readHistory(repo);
  if (commits.length !== COMMITS) throw new Error(`expected ${COMMITS} commits, read ${commits.length}`);
  const keyed = commits.filter((c) => commitKeys({ message: c.message }).length > 0).length;
  await compare(
    'vscode',
    `history scan of ${COMMITS.toLocaleString('en')} commits`,
    { label: 'raw git log, same format', run: () => rawGitLog(repo) },
    { label: 'readHistory', run: () => readHistory(repo) },
    { runs: 15, goal: '≤ 1.3×', note: `${keyed} of the commits name a key` },
  );
  await compare(
    'vscode',
    `history scan + key extraction of ${COMMITS.toLocaleString('en')} commits`,
    { label: 'raw git log, same format', run: () => rawGitLog(repo) },
    {
      label: 'readHistory + commitKeys',
      run: async () => (await readHistory(repo)).reduce((n, c) => n + commitKeys({ message: c.message }).length, 0),
    },
    { runs: 15, note: 'what a first Publish Commit Links does before writing' },
  );
} finally {
  rmSync(repo, { recursive: true, force: true });
}
