import { commitKeys, parseBranchName } from '@tandem/core';
import { GitError, branchOnlyShas, currentBranch, readHistory } from '@tandem/git';

/** What the current branch is about. */
export interface BranchContext {
  /** Undefined on a detached HEAD. */
  branch: string | undefined;
  /** Keys from the branch name, then from the branch's own commits, in order, without repeats. */
  keys: string[];
  /** Keys named by the latest commits on HEAD, most recent first (for ranking). */
  recentKeys: string[];
}

/** Reads the branch's name and commits (at most `recent` commits back) for the keys they name. */
export async function readBranchContext(cwd: string, recent = 50): Promise<BranchContext> {
  const branch = await currentBranch(cwd);
  const keys: string[] = branch ? parseBranchName(branch) : [];
  const history = await readHistory(cwd, { maxCount: recent }).catch((error: unknown) => {
    // A repository without commits has no HEAD to read yet.
    if (error instanceof GitError && error.code === 'UNKNOWN_REVISION') return [];
    throw error;
  });
  const own = await branchOnlyShas(cwd, branch);
  const recentKeys: string[] = [];
  for (const commit of history) {
    const named = commitKeys({ message: commit.message });
    for (const key of named) if (!recentKeys.includes(key)) recentKeys.push(key);
    if (own.has(commit.sha)) for (const key of named) if (!keys.includes(key)) keys.push(key);
  }
  return { branch, keys, recentKeys };
}
