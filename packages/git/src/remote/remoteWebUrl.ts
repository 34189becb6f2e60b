/**
 * Turns a git remote (`git@github.com:org/repo.git`, `ssh://git@host:22/org/repo`, `https://user@host/org/repo.git`)
 * into the repository's web address, and a commit into its page there. Credentials in the URL are dropped.
 */

/** Why a remote could not be read as a web address. */
export class RemoteUrlError extends Error {
  readonly code = 'UNSUPPORTED_REMOTE';
  constructor(remote: string) {
    super(`cannot derive a web address from the remote ${JSON.stringify(remote)} (expected https, ssh or scp-like)`);
    this.name = 'RemoteUrlError';
  }
}

/** The web address of the repository behind `remote`. Throws `RemoteUrlError` for local paths and unknown forms. */
export function remoteToWebUrl(remote: string): string {
  const text = remote.trim();
  let host: string;
  let path: string;
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  if (/^(https?|ssh|git):\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new RemoteUrlError(remote);
    }
    host = url.hostname;
    path = url.pathname;
  } else if (scp) {
    host = scp[1]!;
    path = scp[2]!;
  } else {
    throw new RemoteUrlError(remote);
  }
  if (!host || !/^[\w.-]+$/.test(host)) throw new RemoteUrlError(remote);
  path = path
    .replace(/^\/+/, '')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
  // Azure DevOps over ssh: ssh.dev.azure.com:v3/org/project/repo → dev.azure.com/org/project/_git/repo
  if (host === 'ssh.dev.azure.com' && path.startsWith('v3/')) {
    const [org, project, repo] = path.slice(3).split('/');
    if (!org || !project || !repo) throw new RemoteUrlError(remote);
    return `https://dev.azure.com/${org}/${project}/_git/${repo}`;
  }
  if (!path) throw new RemoteUrlError(remote);
  return `https://${host}/${path}`;
}

/** The web page of commit `sha` in the repository at `webUrl` (Bitbucket says `commits`, the others `commit`). */
export function commitWebUrl(webUrl: string, sha: string): string {
  const host = new URL(webUrl).hostname;
  return `${webUrl}/${host === 'bitbucket.org' ? 'commits' : 'commit'}/${sha}`;
}
