import { commitKeys } from '@tandem/core';
import { COMMIT_LOG_FORMAT, CommitLogParser, type LoggedCommit } from '../history/commitLog.js';
import { runGit } from '../run/runGit.js';
import { isUncommitted, parseBlamePorcelain } from './blamePorcelain.js';

/** One key the commits behind a file advanced, with where and by which commits. */
export interface BlamedKey {
  key: string;
  /** Zero-based lines whose last change named the key, in order. */
  lines: number[];
  commits: LoggedCommit[];
}

/**
 * Business blame, pure part: given each line's commit and the commits' messages, which keys the file's lines serve,
 * most lines first.
 */
export function keysByLine(blame: { line: number; sha: string }[], commits: Map<string, LoggedCommit>): BlamedKey[] {
  const byKey = new Map<string, BlamedKey>();
  for (const { line, sha } of blame) {
    const commit = commits.get(sha);
    if (!commit) continue;
    for (const key of commitKeys({ message: commit.message })) {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { key, lines: [], commits: [] }));
      entry.lines.push(line);
      if (!entry.commits.includes(commit)) entry.commits.push(commit);
    }
  }
  return [...byKey.values()].sort((a, b) => b.lines.length - a.lines.length || a.key.localeCompare(b.key));
}

/**
 * Business blame for a file in a repository: git blame → commits → keys.
 * `contents` (the editor's text) lets it blame unsaved changes too; those lines name no commit.
 */
export async function businessBlame(repoRoot: string, relativePath: string, contents?: string): Promise<BlamedKey[]> {
  const args = ['blame', '--porcelain'];
  if (contents !== undefined) args.push('--contents', '-');
  args.push('--', relativePath);
  const blame = parseBlamePorcelain(
    await runGit(repoRoot, args, contents !== undefined ? { input: contents } : {}),
  ).filter((b) => !isUncommitted(b.sha));
  const shas = [...new Set(blame.map((b) => b.sha))];
  if (shas.length === 0) return [];
  const parser = new CommitLogParser();
  const commits = parser.push(
    await runGit(repoRoot, ['log', '--no-walk=unsorted', `--format=${COMMIT_LOG_FORMAT}`, '--stdin'], {
      input: shas.join('\n') + '\n',
    }),
  );
  return keysByLine(blame, new Map(commits.map((c) => [c.sha, c])));
}
