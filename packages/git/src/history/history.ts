import { COMMIT_LOG_FORMAT, CommitLogParser, type LoggedCommit } from './commitLog.js';
import { GitError } from '../run/gitError.js';
import { runGit, streamGit } from '../run/runGit.js';

/** What part of the history to read. */
export interface HistoryRange {
  /** Read only commits after this one (exclusive); the whole history when absent. */
  since?: string;
  /** The tip to read from; HEAD by default. */
  tip?: string;
  /** At most this many commits, newest first. */
  maxCount?: number;
}

/** The `git log` arguments for a range (shared with the benchmark's baseline, so both read the same commits). */
export function historyArgs(range: HistoryRange = {}): string[] {
  const tip = range.tip ?? 'HEAD';
  const args = ['log', `--format=${COMMIT_LOG_FORMAT}`, '--no-color'];
  if (range.maxCount !== undefined) args.push(`--max-count=${range.maxCount}`);
  args.push(range.since ? `${range.since}..${tip}` : tip, '--');
  return args;
}

/** Yields the commits in `range`, newest first, as one streamed `git log` produces them: memory stays flat. */
export async function* streamHistory(cwd: string, range: HistoryRange = {}): AsyncGenerator<LoggedCommit> {
  const parser = new CommitLogParser();
  for await (const chunk of streamGit(cwd, historyArgs(range))) yield* parser.push(chunk);
}

/** Reads the commits in `range`, newest first, into a list (for short ranges; `streamHistory` for whole histories). */
export async function readHistory(cwd: string, range: HistoryRange = {}): Promise<LoggedCommit[]> {
  const commits: LoggedCommit[] = [];
  for await (const commit of streamHistory(cwd, range)) commits.push(commit);
  return commits;
}

/** Whether `ancestor` is reachable from `tip` (false, not an error, when `ancestor` is unknown here). */
export async function isAncestor(cwd: string, ancestor: string, tip = 'HEAD'): Promise<boolean> {
  try {
    await runGit(cwd, ['merge-base', '--is-ancestor', ancestor, tip]);
    return true;
  } catch (error) {
    // merge-base exits 1 for "not an ancestor" and 128 for an unknown object (a rewritten or shallow history): both
    // mean "start over". Outside a repository, or without git, is a real error.
    if (error instanceof GitError && error.code !== 'GIT_NOT_FOUND' && error.code !== 'NOT_A_REPOSITORY') return false;
    throw error;
  }
}
