import { GitError } from '../run/gitError.js';
import { runGit } from '../run/runGit.js';

/** The root folder of the work tree containing `cwd`. */
export async function repositoryRoot(cwd: string): Promise<string> {
  return (await runGit(cwd, ['rev-parse', '--show-toplevel'])).trim();
}

/** The checked-out branch's short name, or undefined on a detached HEAD (or an unborn repository). */
export async function currentBranch(cwd: string): Promise<string | undefined> {
  try {
    const name = (await runGit(cwd, ['symbolic-ref', '--short', '-q', 'HEAD'])).trim();
    return name || undefined;
  } catch (error) {
    // `symbolic-ref -q` exits 1, silently, exactly when HEAD is detached.
    if (error instanceof GitError && error.code === 'GIT_FAILED' && error.stderr.trim() === '') return undefined;
    throw error;
  }
}

/** The full SHA of HEAD, or undefined in a repository with no commit yet. */
export async function headSha(cwd: string): Promise<string | undefined> {
  try {
    return (await runGit(cwd, ['rev-parse', '--verify', '-q', 'HEAD'])).trim() || undefined;
  } catch (error) {
    if (error instanceof GitError && error.code !== 'NOT_A_REPOSITORY' && error.code !== 'GIT_NOT_FOUND')
      return undefined;
    throw error;
  }
}

/** The fetch URL of `origin`, else of the first remote; rejects with NO_REMOTE when there is none. */
export async function remoteUrl(cwd: string): Promise<string> {
  const names = (await runGit(cwd, ['remote'])).split('\n').filter(Boolean);
  const name = names.includes('origin') ? 'origin' : names[0];
  if (!name) throw new GitError('NO_REMOTE', 'this repository has no remote: add one (git remote add origin <url>)');
  return (await runGit(cwd, ['remote', 'get-url', name])).trim();
}

/** Creates branch `name` at HEAD and checks it out; rejects when it exists or the name is not valid. */
export async function createAndCheckout(cwd: string, name: string): Promise<void> {
  await runGit(cwd, ['check-ref-format', '--branch', name]);
  await runGit(cwd, ['switch', '-c', name]);
}

/** The branch names (short) that exist locally. */
export async function localBranches(cwd: string): Promise<string[]> {
  return (await runGit(cwd, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/'])).split('\n').filter(Boolean);
}

/**
 * The SHAs on HEAD that the default branch does not have (the current branch's own commits); empty when HEAD is the
 * default branch or no default branch is found (`origin/HEAD`, else a local `main` or `master`).
 */
export async function branchOnlyShas(cwd: string, branch: string | undefined): Promise<Set<string>> {
  if (!branch) return new Set();
  const candidates: string[] = [];
  try {
    candidates.push((await runGit(cwd, ['rev-parse', '--abbrev-ref', 'origin/HEAD'])).trim());
  } catch (error) {
    if (!(error instanceof GitError) || error.code === 'GIT_NOT_FOUND') throw error; // no origin/HEAD: try local names
  }
  const locals = await localBranches(cwd);
  candidates.push(...['main', 'master'].filter((b) => locals.includes(b)));
  const base = candidates.find((c) => c && c !== branch && c !== `origin/${branch}`);
  if (!base) return new Set();
  return new Set((await runGit(cwd, ['rev-list', `${base}..HEAD`])).split('\n').filter(Boolean));
}
