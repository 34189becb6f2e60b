import { GitError, runGit, streamGit } from './git.js';

/** A commit as the scan reads it. */
export interface LoggedCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Author date, strict ISO 8601. */
  date: string;
  /** The raw message (subject and body). */
  message: string;
}

// Fields and records are split by control characters that never occur in commit metadata.
const FIELD = '\x1f';
const RECORD = '\x1e';
const FORMAT = `%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%B${RECORD}`;

function parseRecord(record: string): LoggedCommit | undefined {
  const trimmed = record.replace(/^\n/, '');
  if (trimmed === '') return undefined;
  const parts = trimmed.split(FIELD);
  if (parts.length < 5) return undefined;
  const [sha, authorName, authorEmail, date] = parts as [string, string, string, string];
  return { sha, authorName, authorEmail, date, message: parts.slice(4).join(FIELD).replace(/\n$/, '') };
}

/** The commits after `since` (exclusive; all when absent) up to `tip`, newest first, streamed from one `git log`. */
export async function* readHistory(cwd: string, range: { since?: string; tip: string }): AsyncGenerator<LoggedCommit> {
  let rest = '';
  const args = [
    'log',
    `--format=${FORMAT}`,
    '--no-color',
    range.since ? `${range.since}..${range.tip}` : range.tip,
    '--',
  ];
  for await (const chunk of streamGit(cwd, args)) {
    const text = rest + chunk;
    let start = 0;
    for (let end = text.indexOf(RECORD); end >= 0; end = text.indexOf(RECORD, start)) {
      const commit = parseRecord(text.slice(start, end));
      if (commit) yield commit;
      start = end + 1;
    }
    rest = text.slice(start);
  }
}

/** The full SHA of HEAD, or undefined in a repository without commits. */
export async function headSha(cwd: string): Promise<string | undefined> {
  try {
    return (await runGit(cwd, ['rev-parse', '--verify', '-q', 'HEAD'])).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError && error.code === 'gitFailed') return undefined;
    throw error;
  }
}

/** Whether `ancestor` is in `tip`'s history (false when git does not know it: a rewritten or shallow history). */
export async function isAncestor(cwd: string, ancestor: string, tip: string): Promise<boolean> {
  try {
    await runGit(cwd, ['merge-base', '--is-ancestor', ancestor, tip]);
    return true;
  } catch (error) {
    if (error instanceof GitError && error.code !== 'gitNotFound' && error.code !== 'notARepository') return false;
    throw error;
  }
}

/** The checked-out branch, or undefined on a detached HEAD (as CI checkouts often are). */
export async function currentBranch(cwd: string): Promise<string | undefined> {
  try {
    return (await runGit(cwd, ['symbolic-ref', '--short', '-q', 'HEAD'])).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError && error.code === 'gitFailed') return undefined;
    throw error;
  }
}

/**
 * The commits on HEAD that the default branch lacks (the branch's own, whose branch name names keys too); empty when
 * HEAD is the default branch or none is found (`origin/HEAD`, else a local `main` or `master`).
 */
export async function branchOnlyShas(cwd: string, branch: string | undefined): Promise<Set<string>> {
  if (!branch) return new Set();
  const candidates: string[] = [];
  try {
    candidates.push((await runGit(cwd, ['rev-parse', '--abbrev-ref', 'origin/HEAD'])).trim());
  } catch (error) {
    if (!(error instanceof GitError) || error.code === 'gitNotFound') throw error;
  }
  const locals = (await runGit(cwd, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/'])).split('\n');
  candidates.push(...['main', 'master'].filter((b) => locals.includes(b)));
  const base = candidates.find((c) => c && c !== branch && c !== `origin/${branch}`);
  if (!base) return new Set();
  return new Set((await runGit(cwd, ['rev-list', `${base}..HEAD`])).split('\n').filter(Boolean));
}

/** The fetch URL of `origin`, else of the first remote; a `GitError` (`noRemote`) when there is none. */
export async function remoteUrl(cwd: string): Promise<string> {
  const names = (await runGit(cwd, ['remote'])).split('\n').filter(Boolean);
  const name = names.includes('origin') ? 'origin' : names[0];
  if (!name) throw new GitError('noRemote', 'this repository has no remote: add one, or give --repository-url');
  return (await runGit(cwd, ['remote', 'get-url', name])).trim();
}
