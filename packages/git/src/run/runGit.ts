import { execFile, spawn } from 'node:child_process';
import { GitError } from './gitError.js';

/** Options for one git run. */
export interface GitRunOptions {
  /** Text fed to git's standard input. */
  input?: string;
  /** Extra environment (identity for commits in tests, say). */
  env?: Record<string, string>;
  /** The most standard output kept, in bytes (default 64 MiB); git is stopped and GIT_FAILED raised beyond it. */
  maxOutput?: number;
}

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

// No prompt can ever block a run, and messages are in English for the error mapping below.
const gitEnv = (extra?: Record<string, string>) => ({
  ...process.env,
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
  ...extra,
});

const notFound = () => new GitError('GIT_NOT_FOUND', 'git is not installed or not on PATH');

/** The typed error for a git run that exited non-zero, from what git wrote to standard error. */
function failure(cwd: string, args: readonly string[], stderr: string, fallback = ''): GitError {
  if (/not a git repository/i.test(stderr)) {
    return new GitError('NOT_A_REPOSITORY', `${cwd} is not inside a git repository`, stderr);
  }
  if (/unknown revision|bad revision|bad object|invalid object name/i.test(stderr)) {
    return new GitError('UNKNOWN_REVISION', `git ${args[0]}: ${stderr.trim()}`, stderr);
  }
  return new GitError('GIT_FAILED', `git ${args[0]} failed: ${stderr.trim() || fallback}`, stderr);
}

/**
 * Runs `git args…` in `cwd` (no shell: arguments are passed as they are) and resolves with its standard output,
 * untrimmed. Rejects with a `GitError`: NOT_A_REPOSITORY outside a work tree, GIT_NOT_FOUND when git is not installed,
 * UNKNOWN_REVISION for a revision git does not know, else GIT_FAILED (also when the output passes `maxOutput`).
 */
export function runGit(cwd: string, args: readonly string[], options: GitRunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd, encoding: 'utf8', maxBuffer: options.maxOutput ?? DEFAULT_MAX_OUTPUT, env: gitEnv(options.env) },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(notFound());
        reject(failure(cwd, args, stderr, error.message));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/**
 * Runs git and yields its standard output as it arrives, so a long history is never held whole; git waits while the
 * consumer is busy. Stopping early (a `break`) stops git. Throws a `GitError` as `runGit` does when git fails.
 */
export async function* streamGit(cwd: string, args: readonly string[]): AsyncGenerator<string> {
  const child = spawn('git', args, { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? notFound() : new GitError('GIT_FAILED', error.message)),
    );
    child.once('close', (code) => resolve(code ?? 1));
  });
  // A rejection before the loop below is done is handled after it; this keeps it from surfacing as unhandled meanwhile.
  exited.catch(() => undefined);
  let done = false;
  try {
    child.stdout.setEncoding('utf8');
    for await (const chunk of child.stdout) yield chunk as string;
    done = true;
  } finally {
    if (!done && child.exitCode === null) child.kill();
  }
  if ((await exited) !== 0) throw failure(cwd, args, stderr);
}
