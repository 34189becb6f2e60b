import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's entry, run from its TypeScript sources as `npm test` resolves them. */
const tandemMain = fileURLToPath(new URL('../../../packages/cli/src/main.ts', import.meta.url));

/** What one run of `tandem` gave. */
export interface TandemRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** The arguments that run a TypeScript entry in a fresh Node process. */
export function nodeArgs(entry: string, args: readonly string[]): string[] {
  return ['--conditions=source', '--import', 'tsx', entry, ...args];
}

/** Runs `tandem ARGS` in its own process, as a user would, and collects what it printed. */
export function runTandem(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
  onSpawn?: (child: ChildProcess) => void,
): Promise<TandemRun> {
  return runNode(tandemMain, args, env, cwd, onSpawn);
}

/** Runs a TypeScript entry in its own Node process and collects what it printed. */
export function runNode(
  entry: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  cwd?: string,
  onSpawn?: (child: ChildProcess) => void,
): Promise<TandemRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs(entry, args), {
      cwd,
      env: { ...process.env, CI: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

/** `tandem graph-local` running in a child process. */
export interface GraphLocalProcess {
  child: ChildProcess;
  url: string;
  origin: string;
  /** Everything it printed so far. */
  output(): string;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (a clean stop), and wait for the process to be gone. */
  stop(): Promise<void>;
}

/** Starts `tandem graph-local --data DIR --port PORT` and waits for its "Graph listening on" line. */
export function startGraphLocalProcess(dataDir: string, port = 0): Promise<GraphLocalProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      nodeArgs(tandemMain, ['graph-local', '--data', dataDir, '--port', String(port)]),
      {
        env: { ...process.env, CI: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const onData = (d: string) => {
      out += d;
      const match = /Graph listening on (\S+)/.exec(out);
      if (match) {
        const url = match[1]!;
        resolve({
          child,
          url,
          origin: url.replace(/\/v1\.0$/, ''),
          output: () => out,
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
            await exited;
          },
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (!/Graph listening on/.test(out)) reject(new Error(`tandem graph-local exited (${code}): ${out}`));
    });
  });
}
