import { execFile, spawn } from 'node:child_process';
import { GitError } from './gitError.js';

/** Options for one git run. */
export interface GitRunOptions {
  /** Text fed to git's standard input. */
  input?: string;
  /** Extra environment (identity for commits in tests, say). */
  env?: Record<string, string>;
}

/**
 * Runs `git args…` in `cwd` and resolves with its standard output (untrimmed).
 * Rejects with a `GitError`: NOT_A_REPOSITORY outside a work tree, GIT_NOT_FOUND when git is not installed, else GIT_FAILED.
 */
export function runGit(cwd: string, args: string[], options: GitRunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...options.env },
      },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(new GitError('GIT_NOT_FOUND', 'git is not installed or not on PATH'));
        }
        if (/not a git repository/i.test(stderr)) {
          return reject(new GitError('NOT_A_REPOSITORY', `${cwd} is not inside a git repository`, stderr));
        }
        if (/unknown revision|bad revision|bad object|invalid object name/i.test(stderr)) {
          return reject(new GitError('UNKNOWN_REVISION', `git ${args[0]}: ${stderr.trim()}`, stderr));
        }
        reject(new GitError('GIT_FAILED', `git ${args[0]} failed: ${stderr.trim() || error.message}`, stderr));
      },
    );
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/**
 * Runs git and hands its standard output to `onChunk` as it arrives (for histories too large to hold twice).
 * Resolves when git exits with 0.
 */
export function streamGit(cwd: string, args: string[], onChunk: (text: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onChunk);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new GitError('GIT_NOT_FOUND', 'git is not installed or not on PATH')
          : new GitError('GIT_FAILED', error.message),
      ),
    );
    child.once('close', (code) => {
      if (code === 0) return resolve();
      if (/unknown revision|bad revision|bad object/i.test(stderr)) {
        return reject(new GitError('UNKNOWN_REVISION', `git ${args[0]}: ${stderr.trim()}`, stderr));
      }
      reject(new GitError('GIT_FAILED', `git ${args[0]} failed: ${stderr.trim()}`, stderr));
    });
  });
}
