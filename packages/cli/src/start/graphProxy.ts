/**
 * `/graph/*` on the app server, forwarded to the local Graph server. The browser then talks to one origin (no CORS,
 * a plain `connect-src 'self'`). The request says where it was forwarded from (`X-Forwarded-Proto`, `-Host` and
 * `-Prefix`), so the links the server writes into answers (`@odata.nextLink`, `@odata.deltaLink`, `@odata.context`)
 * name the proxy, and the browser follows them through it too; answers are streamed back as they come.
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/** The path prefix the proxy answers under. */
export const graphProxyPrefix = '/graph';

// Hop-by-hop headers are not forwarded (RFC 9110 §7.6.1).
const hopByHop = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
  'trailer',
]);

/** Forwards `req` (whose URL starts with `/graph`) to `graphOrigin` and streams the answer back. */
export function proxyToGraph(
  req: IncomingMessage,
  res: ServerResponse,
  graphOrigin: string,
  publicOrigin: string,
): void {
  const target = new URL(graphOrigin);
  const path = (req.url ?? '/').slice(graphProxyPrefix.length) || '/';
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !hopByHop.has(name) && name !== 'host') headers[name] = value;
  }
  headers.host = target.host;
  const publicUrl = new URL(publicOrigin);
  headers['x-forwarded-proto'] = publicUrl.protocol.slice(0, -1);
  headers['x-forwarded-host'] = publicUrl.host;
  headers['x-forwarded-prefix'] = graphProxyPrefix;
  const upstream = httpRequest(
    { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path, headers },
    (answer) => {
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !hopByHop.has(name)) out[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, out);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { code: 'serviceNotAvailable', message: `The local Graph server did not answer: ${error.message}` },
      }),
    );
  });
  req.pipe(upstream);
}
