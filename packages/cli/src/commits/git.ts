import { execFile, spawn } from 'node:child_process';

/** What went wrong running git. */
export type GitErrorCode = 'gitNotFound' | 'notARepository' | 'unknownRevision' | 'noRemote' | 'gitFailed';

/** A git failure with a code to branch on. */
export class GitError extends Error {
  readonly code: GitErrorCode;

  constructor(code: GitErrorCode, message: string) {
    super(message);
    this.name = 'GitError';
    this.code = code;
  }
}

const gitEnv = () => ({ ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' });

function failure(args: string[], stderr: string, cwd: string): GitError {
  if (/not a git repository/i.test(stderr))
    return new GitError('notARepository', `${cwd} is not inside a git repository`);
  if (/unknown revision|bad revision|bad object|invalid object name/i.test(stderr))
    return new GitError('unknownRevision', `git ${args[0]}: ${stderr.trim()}`);
  return new GitError('gitFailed', `git ${args[0]} failed: ${stderr.trim()}`);
}

/** Runs `git args…` in `cwd`; resolves with its standard output, rejects with a `GitError`. */
export function runGit(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: gitEnv() },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT')
          return reject(new GitError('gitNotFound', 'git is not installed or not on PATH'));
        reject(failure(args, stderr || error.message, cwd));
      },
    );
  });
}

/** Runs git and yields its standard output as it arrives, so a long history is never held whole. */
export async function* streamGit(cwd: string, args: string[]): AsyncGenerator<string> {
  const child = spawn('git', args, { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new GitError('gitNotFound', 'git is not installed or not on PATH') : error),
    );
    child.once('close', (code) => resolve(code ?? 1));
  });
  // A rejection before the loop below is done is handled there; this keeps it from surfacing as unhandled meanwhile.
  exited.catch(() => undefined);
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) yield chunk as string;
  if ((await exited) !== 0) throw failure(args, stderr, cwd);
}
