/**
 * The app server of `tandem start`: the built pages of the Microsoft 365 app (each at its route, with its runtime
 * configuration written into a meta tag and a strict CSP), their scripts under `/app/`, the `/graph` proxy to the local
 * Graph server, and the plain pages the manifest links to (about, privacy, terms, support).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { contentSecurityPolicy } from './contentSecurityPolicy.js';
import { graphProxyPrefix, proxyToGraph } from './graphProxy.js';
import { infoPage, infoPages } from './infoPages.js';

/** Options of {@link startAppServer}. */
export interface AppServerOptions {
  /** The webpack output folder (`teams-app/build`), holding `app/`, `pages/` and `routes.json`. */
  buildDir: string;
  /** The local Graph server's origin (`http://127.0.0.1:PORT`), which `/graph/*` forwards to. */
  graphOrigin: string;
  /** 0 picks a free port. Default 3978. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The user the pages sign in as when no host supplies one. */
  localUser?: string;
}

/** A running app server. */
export interface AppServer {
  /** `http://localhost:PORT` */
  url: string;
  port: number;
  /** The page routes served (`/tab`, `/meeting`, …). */
  routes: string[];
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const securityHeaders = (): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
});

/** Where production pages load office.js from (the webpack setting `officeJs=cdn`). */
const officeJsCdn = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** HTML attribute escaping for the runtime configuration JSON. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Starts the app server; rejects if the build is missing. */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const routesFile = join(options.buildDir, 'routes.json');
  const routes = JSON.parse(await readFile(routesFile, 'utf8')) as Record<string, string>;
  const pages = new Map<string, string>();
  for (const [route, file] of Object.entries(routes)) {
    pages.set(route, await readFile(join(options.buildDir, 'pages', file), 'utf8'));
  }
  const appDir = join(options.buildDir, 'app');
  // The Outlook add-in's icons (the manifest's ribbon icon URLs), and office.js from its npm package for local runs:
  // production pages load office.js from Microsoft's CDN instead (the npm copy is unsupported there).
  const assetsDir = join(options.buildDir, '..', 'assets');
  const officeJsDir = officeJsFolder(options.buildDir);
  const runtimeConfig = JSON.stringify({
    mode: 'local',
    graphBaseUrl: `${graphProxyPrefix}/v1.0`,
    ...(options.localUser ? { localUser: options.localUser } : {}),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse, publicOrigin: string): Promise<void> => {
    const url = new URL(req.url ?? '/', publicOrigin);
    if (url.pathname === graphProxyPrefix || url.pathname.startsWith(graphProxyPrefix + '/')) {
      proxyToGraph(req, res, options.graphOrigin, publicOrigin);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed\n');
      return;
    }
    const page = pages.get(url.pathname.replace(/\/+$/, '') || '/');
    if (page) {
      const html = page
        .replace(
          '<meta name="tandem-config" content="{}" />',
          `<meta name="tandem-config" content="${attribute(runtimeConfig)}" />`,
        )
        // A production build names Microsoft's office.js CDN; a local run is offline and serves the npm copy instead.
        .replace(`<script src="${officeJsCdn}"></script>`, `<script src="/office-js/office.js"></script>`);
      res.writeHead(200, { 'content-type': contentTypes['.html']!, 'cache-control': 'no-cache', ...securityHeaders() });
      res.end(req.method === 'HEAD' ? undefined : html);
      return;
    }
    if (url.pathname.startsWith('/app/')) {
      await sendFile(res, appDir, decodeURIComponent(url.pathname.slice('/app/'.length)), req.method === 'HEAD');
      return;
    }
    // What a browser tab shows beside the page's title: the app's icon (without it, every first visit logs a 404).
    if (url.pathname === '/favicon.ico') {
      await sendFile(res, join(assetsDir, 'outlook'), 'icon-32.png', req.method === 'HEAD');
      return;
    }
    if (url.pathname.startsWith('/assets/')) {
      await sendFile(res, assetsDir, decodeURIComponent(url.pathname.slice('/assets/'.length)), req.method === 'HEAD');
      return;
    }
    if (url.pathname.startsWith('/office-js/') && officeJsDir) {
      await sendFile(
        res,
        officeJsDir,
        decodeURIComponent(url.pathname.slice('/office-js/'.length)),
        req.method === 'HEAD',
      );
      return;
    }
    const info = infoPage(url.pathname, Object.keys(routes), publicOrigin);
    if (info) {
      res.writeHead(200, { 'content-type': contentTypes['.html']!, ...securityHeaders() });
      res.end(req.method === 'HEAD' ? undefined : info);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders() });
    res.end(`Not found: ${url.pathname}\n`);
  };

  const server: Server = createServer((req, res) => {
    const publicOrigin = `http://${req.headers.host ?? `localhost:${port}`}`;
    handle(req, res, publicOrigin).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Internal error: ${(error as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3978, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    port,
    routes: [...Object.keys(routes), ...Object.keys(infoPages)],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The `dist` folder of the app's `@microsoft/office-js` package, or undefined when it is not installed. */
function officeJsFolder(buildDir: string): string | undefined {
  try {
    const require = createRequire(join(buildDir, '..', 'package.json'));
    return join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  } catch {
    return undefined; // not installed: /office-js/ answers 404 and the task pane falls back to standalone mode
  }
}

async function sendFile(res: ServerResponse, root: string, relative: string, headOnly: boolean): Promise<void> {
  const path = normalize(join(root, relative));
  if (!path.startsWith(root + sep)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOENT' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
    return;
  }
  // Bundles carry a content hash in their names, so they can be cached for good; CSS and maps are revalidated.
  const hashed = /\.[0-9a-f]{8}\.js$/.test(path);
  res.writeHead(200, {
    'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(headOnly ? undefined : await readFile(path));
}
