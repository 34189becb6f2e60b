import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../../main.ts', import.meta.url));

/** What one run of the command gave. */
export interface TandemRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tandem` as a user would, in its own process (from the TypeScript sources, as `npm test` resolves them),
 * with `CI` set unless `env` says otherwise.
 */
export function runTandem(args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string): Promise<TandemRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', main, ...args], {
      cwd,
      env: { ...process.env, CI: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
