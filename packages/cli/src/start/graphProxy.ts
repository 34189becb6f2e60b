/**
 * `/graph/*` on the app server, forwarded to the local Graph server. The browser then talks to one origin (no CORS,
 * a plain `connect-src 'self'`). Links the server writes into JSON (`@odata.nextLink`, `@odata.deltaLink`) name its
 * own origin; they are rewritten to the proxy's, so the browser follows them through the proxy too.
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
  const upstream = httpRequest(
    { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path, headers },
    (answer) => {
      const type = String(answer.headers['content-type'] ?? '');
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !hopByHop.has(name)) out[name] = value;
      }
      if (!type.includes('json')) {
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.from(
          Buffer.concat(chunks)
            .toString('utf8')
            .split(target.origin)
            .join(publicOrigin + graphProxyPrefix),
          'utf8',
        );
        delete out['content-length'];
        out['content-length'] = String(body.length);
        res.writeHead(answer.statusCode ?? 502, out);
        res.end(body);
      });
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
