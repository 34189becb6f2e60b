import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startGraphLocal } from '@tandem/graph-local';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';

/** `tandem graph-local`: runs the local Graph-compatible server until SIGINT or SIGTERM. */
export const graphLocalCommand: Command = {
  name: 'graph-local',
  summary: 'Run the local Microsoft Graph-compatible server (SQLite).',
  usage: [
    'Usage: tandem graph-local [--port N] [--data DIR | --memory]',
    '',
    '  --port N      port to listen on (0 picks a free port; default 0)',
    '  --data DIR    keep the data in DIR (default .tandem/graph)',
    '  --memory      keep the data in memory only',
    '',
    'Prints "Graph listening on http://127.0.0.1:PORT/v1.0" when ready. Tokens: POST /_local/token {"user":"name@contoso.test"}.',
  ].join('\n'),
  async run(args, io) {
    let values: { port?: string; data?: string; memory?: boolean };
    try {
      ({ values } = parseArgs({
        args,
        options: { port: { type: 'string' }, data: { type: 'string' }, memory: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || values.port === '') {
      throw new UsageError(`--port must be a whole number from 0 to 65535, not '${values.port}'.`);
    }
    if (values.data !== undefined && values.memory)
      throw new UsageError('Give either --data DIR or --memory, not both.');
    const server = await startGraphLocal(
      values.memory ? { port, memory: true } : { port, dataDir: resolve(values.data ?? '.tandem/graph') },
    );
    io.stdout(`Graph listening on ${server.url}\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};
