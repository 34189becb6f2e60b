import { parseArgs } from 'node:util';
import { existsSync, readdirSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startGraphLocal } from '@tandem/graph-local';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { buildApp, buildStaleness, repoRoot, run } from '../start/appBuild.js';
import { startAppServer } from '../start/appServer.js';
import { demoUser, seedDemo } from '../start/seedDemo.js';

function portOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (value === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--${name} must be a whole number from 0 to 65535, not '${value}'.`);
  return port;
}

/** `tandem start`: build if needed, run the local Graph server with demo data, serve the app, until Ctrl-C. */
export const startCommand: Command = {
  name: 'start',
  summary: 'Build, start the local Graph server with demo data, and serve the Teams tab and Outlook add-in.',
  usage: [
    'Usage: tandem start [--port 3978] [--graph-port N] [--data .tandem] [--no-build]',
    '',
    '  --port N        port of the app server (default 3978; 0 picks a free port)',
    '  --graph-port N  port of the local Graph server (default 0: a free port)',
    '  --data DIR      where the local data lives (default .tandem); first run seeds the demo portfolio',
    '  --no-build      serve the existing build even if its sources changed',
    '',
    'The browser reaches Graph through the app server: /graph/* is forwarded to the local Graph server (one origin).',
    'Ctrl-C stops everything.',
  ].join('\n'),
  async run(args, io) {
    let values: { port?: string; 'graph-port'?: string; data?: string; 'no-build'?: boolean };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          port: { type: 'string' },
          'graph-port': { type: 'string' },
          data: { type: 'string' },
          'no-build': { type: 'boolean' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const port = portOption('port', values.port, 3978);
    const graphPort = portOption('graph-port', values['graph-port'], 0);
    const root = repoRoot();
    const dataDir = resolve(values.data ?? join(root, '.tandem'));

    const stale = buildStaleness(root);
    if (stale && !values['no-build']) {
      io.stdout(`Building the app (${stale})…\n`);
      // The build runs in its own process group: Ctrl-C during it stops it here.
      const building = new AbortController();
      const abort = () => building.abort();
      process.once('SIGINT', abort);
      process.once('SIGTERM', abort);
      try {
        await buildApp(root, building.signal);
      } catch (error) {
        if (!building.signal.aborted) throw error;
        io.stdout('\nStopped.\n');
        return 130;
      } finally {
        process.off('SIGINT', abort);
        process.off('SIGTERM', abort);
      }
    } else if (stale && !existsSync(join(root, 'teams-app', 'build', 'routes.json'))) {
      throw new Error('there is no build of the app: run without --no-build.');
    }

    mkdirSync(dataDir, { recursive: true });
    const graph = await startGraphLocal({ port: graphPort, dataDir: join(dataDir, 'graph') });
    const stops: (() => Promise<void>)[] = [() => graph.close()];
    try {
      const seededMarker = join(dataDir, 'seeded.json');
      if (!existsSync(seededMarker)) {
        io.stdout('First run: seeding the demo portfolio, mailbox and calendar…\n');
        const summary = await seedDemo(graph.url, graph.origin);
        writeFileSync(seededMarker, JSON.stringify({ seededAt: new Date().toISOString(), ...summary }, null, 2) + '\n');
      }
      const app = await startAppServer({
        buildDir: join(root, 'teams-app', 'build'),
        graphOrigin: graph.origin,
        port,
        localUser: demoUser,
      });
      stops.unshift(() => app.close());
      const pages = ['/tab', '/config', '/meeting', '/outlook/taskpane', '/teams-host'].filter((r) =>
        app.routes.includes(r),
      );
      io.stdout(
        [
          '',
          `Tandem is running (data in ${relative(process.cwd(), dataDir) || '.'}, signed in as ${demoUser}):`,
          ...pages.map((r) => `  ${r.padEnd(18)} ${app.url}${r}`),
          '',
          `Graph listening on ${graph.url}`,
          `  (the browser reaches it as ${app.url}/graph/v1.0)`,
          '',
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
      if (!pages.includes('/outlook/taskpane')) io.stdout('(The Outlook task pane is not built yet.)\n');
      const packaging = new AbortController();
      stops.unshift(async () => packaging.abort());
      void packageVsCodeExtension(root, io.stdout, io.stderr, packaging.signal);
      await untilInterrupted();
      io.stdout('\nStopping…\n');
    } finally {
      for (const stop of stops) await stop();
    }
    io.stdout('Stopped.\n');
    return 0;
  },
};

function untilInterrupted(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Builds the VS Code extension package when its workspace has a `package` script, and says where it is. */
async function packageVsCodeExtension(
  root: string,
  out: (t: string) => void,
  err: (t: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const dir = join(root, 'vscode-extension');
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.package) return;
  try {
    await run('npm', ['run', 'package', '--silent', '-w', 'vscode-extension'], root, signal);
    const vsix = readdirSync(dir).filter((f) => f.endsWith('.vsix'));
    out(
      vsix.length
        ? `VS Code extension package: ${join('vscode-extension', vsix[0]!)}\n`
        : 'VS Code extension packaged.\n',
    );
  } catch (error) {
    if (signal.aborted) return; // stopped with everything else
    err(`The VS Code extension could not be packaged: ${(error as Error).message}\n`);
  }
}
