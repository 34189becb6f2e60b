/** Why a git operation failed, for callers to branch on. */
export type GitErrorCode =
  'GIT_NOT_FOUND' | 'NOT_A_REPOSITORY' | 'NO_REMOTE' | 'DETACHED_HEAD' | 'UNKNOWN_REVISION' | 'GIT_FAILED';

/** A git command failed; `code` says why and `stderr` what git said. */
export class GitError extends Error {
  constructor(
    readonly code: GitErrorCode,
    message: string,
    readonly stderr = '',
  ) {
    super(message);
    this.name = 'GitError';
  }
}
