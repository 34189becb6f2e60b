import { GitError } from './git.js';

/**
 * The web address of the repository behind a git remote (`git@github.com:org/repo.git`, `ssh://git@host/org/repo`,
 * `https://user@host/org/repo.git`); credentials are dropped. Throws a `GitError` for local paths and unknown forms.
 * The same rules as the VS Code extension's, so both name a repository, and so its commit links, alike.
 */
export function remoteToWebUrl(remote: string): string {
  const text = remote.trim();
  const unsupported = () =>
    new GitError(
      'noRemote',
      `cannot derive a web address from the remote ${JSON.stringify(remote)}; give --repository-url`,
    );
  let host: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (/^(https?|ssh|git):\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw unsupported();
    }
    host = url.hostname;
    path = url.pathname;
  } else if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else throw unsupported();
  if (!host || !/^[\w.-]+$/.test(host)) throw unsupported();
  path = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  // Azure DevOps over ssh: ssh.dev.azure.com:v3/org/project/repo is dev.azure.com/org/project/_git/repo on the web.
  if (host === 'ssh.dev.azure.com' && path.startsWith('v3/')) {
    const [org, project, repo] = path.slice(3).split('/');
    if (!org || !project || !repo) throw unsupported();
    return `https://dev.azure.com/${org}/${project}/_git/${repo}`;
  }
  if (!path) throw unsupported();
  return `https://${host}/${path}`;
}

/** The web page of commit `sha` (Bitbucket says `commits`, the others `commit`). */
export function commitWebUrl(webUrl: string, sha: string): string {
  return `${webUrl}/${new URL(webUrl).hostname === 'bitbucket.org' ? 'commits' : 'commit'}/${sha}`;
}
