// Builds the fixture page with esbuild and serves it on 127.0.0.1 for the browser suite.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The fixture served over HTTP; `close()` stops the server. */
export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

/** Bundles `fixture.tsx` (React in production mode, sources through the "source" condition) and serves it with axe-core. */
export async function serveFixture(): Promise<FixtureServer> {
  const result = await build({
    entryPoints: [join(here, 'fixture.tsx')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  const script = result.outputFiles[0]!.text;
  const axe = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const page =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tandem</title>' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<style>html,body,#root{margin:0;height:100%}</style></head>' +
    '<body><div id="root"></div><script type="module" src="/fixture.js"></script></body></html>';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/fixture.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else if (path === '/axe.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(axe);
    } else if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
