/**
 * The Graph client's last link in a browser page (`XhrMessageHandler`), in Chromium against a local server: it must
 * answer the rest of the chain as `fetch` would (status, headers, body, a network failure, an abort by the timeout),
 * since the retry, timeout and error handling above it were written against `fetch`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import { launchChromium } from '@tandem/tests/browser';

const handlerSource = fileURLToPath(new URL('../../packages/graph/src/client/xhrMessageHandler.ts', import.meta.url));

/** What the page reports of one request sent through the handler. */
type Outcome =
  | {
      status: number;
      ok: boolean;
      headers: Record<string, string | null>;
      text: string;
      json: unknown;
      isResponse: boolean;
    }
  | { error: string; message: string };

describe('the Graph client in a browser page sends with XMLHttpRequest, answering as fetch would', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;
  let page: Page;
  /** The requests the server had for /counted, in order. */
  let counted: { body: string; authorization: string | undefined }[] = [];
  /** What the page logged as warnings. */
  let warnings: string[] = [];

  before(async () => {
    // The handler as the page gets it: TypeScript to JavaScript (it imports types only).
    const handler = ts.transpileModule(readFileSync(handlerSource, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    server = createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/counted') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          counted.push({ body, authorization: req.headers.authorization });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ answer: counted.length }));
        });
      } else if (url === '/handler.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(handler);
      else if (url === '/json')
        res.writeHead(200, { 'content-type': 'application/json', 'x-test': 'yes' }).end('{"value":[1,2,3]}');
      else if (url === '/throttled')
        res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' })
          .end('{"error":{"code":"tooManyRequests"}}');
      else if (url === '/drop') req.socket.destroy();
      else if (url === '/slow') setTimeout(() => res.writeHead(200).end('late'), 2_000);
      else if (url === '/echo') {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () =>
          res.writeHead(201, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              method: req.method,
              header: req.headers['x-tandem'],
              type: req.headers['content-type'],
              body,
            }),
          ),
        );
      } else if (url === '/empty') res.writeHead(204).end();
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>xhr</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto(`${origin}/`);
  });
  after(async () => {
    await browser.close();
    server.closeAllConnections();
    server.close();
  });

  beforeEach(() => {
    counted = [];
    warnings = [];
  });

  /** Sends `path` early, as a page does before its Graph client has loaded (`sendEarly`). */
  async function sendEarly(path: string, headers: Record<string, string>, body: string): Promise<void> {
    await page.evaluate(
      async ({ url, headers, body }) => {
        const { sendEarly } = (await import('/handler.js' as string)) as {
          sendEarly(method: string, url: string, headers: Record<string, string>, body: string): void;
        };
        sendEarly('POST', url, headers, body);
      },
      { url: `${origin}${path}`, headers, body },
    );
  }

  /** Sends `path` through the handler in the page, with `options` as the SDK would pass them. */
  function send(
    path: string,
    options: {
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      timeoutMs?: number;
      aborted?: boolean;
    },
  ): Promise<Outcome> {
    return page.evaluate(
      async ({ url, options }) => {
        const { XhrMessageHandler } = (await import('/handler.js' as string)) as {
          XhrMessageHandler: new () => {
            execute(context: { request: string; options: object; response?: Response }): Promise<void>;
          };
        };
        const controller = new AbortController();
        if (options.aborted) controller.abort(new DOMException('gave up', 'AbortError'));
        const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : controller.signal;
        const context: { request: string; options: object; response?: Response } = {
          request: url,
          options: { method: options.method ?? 'GET', headers: options.headers ?? {}, body: options.body, signal },
        };
        try {
          await new XhrMessageHandler().execute(context);
          const response = context.response!;
          const text = await response.text();
          return {
            status: response.status,
            ok: response.ok,
            headers: {
              'content-type': response.headers.get('content-type'),
              'x-test': response.headers.get('x-test'),
              'retry-after': response.headers.get('retry-after'),
            },
            text,
            json: text ? await response.json() : null,
            isResponse: response instanceof Response,
          };
        } catch (error) {
          return { error: (error as Error).name, message: (error as Error).message };
        }
      },
      { url: `${origin}${path}`, options },
    );
  }

  it('answers with a Response: status, headers and the body, as text and as JSON', async () => {
    const outcome = await send('/json', {});
    assert.deepEqual(outcome, {
      status: 200,
      ok: true,
      headers: { 'content-type': 'application/json', 'x-test': 'yes', 'retry-after': null },
      text: '{"value":[1,2,3]}',
      json: { value: [1, 2, 3] },
      isResponse: true,
    });
  });

  it('passes on a throttled answer with its Retry-After, for the retry middleware to read', async () => {
    const outcome = await send('/throttled', {});
    assert.ok('status' in outcome, JSON.stringify(outcome));
    assert.equal(outcome.status, 429);
    assert.equal(outcome.ok, false);
    assert.equal(outcome.headers['retry-after'], '3');
    assert.deepEqual(outcome.json, { error: { code: 'tooManyRequests' } });
  });

  it('sends the method, the headers and the body; an answer without a body reads as empty', async () => {
    const outcome = await send('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tandem': 'batch' },
      body: '{"requests":[]}',
    });
    assert.ok('status' in outcome, JSON.stringify(outcome));
    assert.equal(outcome.status, 201);
    assert.deepEqual(outcome.json, {
      method: 'POST',
      header: 'batch',
      type: 'application/json',
      body: '{"requests":[]}',
    });
    const empty = await send('/empty', { method: 'DELETE' });
    assert.ok('status' in empty, JSON.stringify(empty));
    assert.equal(empty.status, 204);
    assert.equal(empty.text, '');
  });

  it('rejects as fetch does: a dropped connection with a TypeError, a timeout with its TimeoutError', async () => {
    assert.deepEqual(await send('/drop', {}), { error: 'TypeError', message: 'Failed to fetch' });
    const late = await send('/slow', { timeoutMs: 200 });
    assert.ok('error' in late, JSON.stringify(late));
    assert.equal(late.error, 'TimeoutError');
    const aborted = await send('/json', { aborted: true });
    assert.ok('error' in aborted, JSON.stringify(aborted));
    assert.equal(aborted.error, 'AbortError');
    assert.equal(aborted.message, 'gave up');
  });

  describe('a request sent early, before the client was loaded', () => {
    const batch = '{"requests":[{"id":"1","method":"GET","url":"/sites/root"}]}';
    const asTheClient = (authorization: string, body = batch) => ({
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body,
    });

    it("gives its answer to the client's identical request, once: the server hears it once, and a repeat afresh", async () => {
      await sendEarly('/counted', { authorization: 'Bearer A', 'content-type': 'application/json' }, batch);
      const taken = await send('/counted', asTheClient('Bearer A'));
      assert.ok('status' in taken, JSON.stringify(taken));
      assert.deepEqual(taken.json, { answer: 1 });
      assert.deepEqual(counted, [{ body: batch, authorization: 'Bearer A' }]);
      const again = await send('/counted', asTheClient('Bearer A'));
      assert.ok('status' in again, JSON.stringify(again));
      assert.deepEqual(again.json, { answer: 2 });
      assert.deepEqual(warnings, []);
    });

    it('is not given to a request with another body (and the console says the early one is out of date)', async () => {
      await sendEarly('/counted', { authorization: 'Bearer A', 'content-type': 'application/json' }, batch);
      const other = await send('/counted', asTheClient('Bearer A', '{"requests":[]}'));
      assert.ok('status' in other, JSON.stringify(other));
      assert.deepEqual(other.json, { answer: 2 });
      assert.deepEqual(
        counted.map((request) => request.body),
        [batch, '{"requests":[]}'],
      );
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /no longer matches the request it makes/);
    });

    it('is not given to a request made with another token', async () => {
      await sendEarly('/counted', { authorization: 'Bearer A', 'content-type': 'application/json' }, batch);
      const other = await send('/counted', asTheClient('Bearer B'));
      assert.ok('status' in other, JSON.stringify(other));
      assert.deepEqual(other.json, { answer: 2 });
      assert.deepEqual(
        counted.map((request) => request.authorization),
        ['Bearer A', 'Bearer B'],
      );
      assert.deepEqual(warnings, []);
    });

    it('is not given once it is older than its lifetime: the request is sent afresh', async () => {
      await sendEarly('/counted', { authorization: 'Bearer A', 'content-type': 'application/json' }, batch);
      await page.evaluate(async () => {
        const { earlyAnswerLifetimeMs } = (await import('/handler.js' as string)) as { earlyAnswerLifetimeMs: number };
        const now = performance.now.bind(performance);
        performance.now = () => now() + earlyAnswerLifetimeMs + 1;
      });
      try {
        const late = await send('/counted', asTheClient('Bearer A'));
        assert.ok('status' in late, JSON.stringify(late));
        assert.deepEqual(late.json, { answer: 2 });
      } finally {
        await page.evaluate(() => delete (performance as { now?: unknown }).now);
      }
    });

    it('is let go when nobody takes it within its lifetime: a later request is sent afresh', async () => {
      // The page's timers run at once for the lifetime's delay: the early request is let go as soon as it is sent.
      await page.evaluate(async () => {
        const { earlyAnswerLifetimeMs } = (await import('/handler.js' as string)) as { earlyAnswerLifetimeMs: number };
        const timers = window as unknown as { setTimeout: typeof setTimeout; realSetTimeout?: typeof setTimeout };
        const later = (timers.realSetTimeout = timers.setTimeout);
        timers.setTimeout = ((task: () => void, ms?: number) =>
          later(task, ms === earlyAnswerLifetimeMs ? 0 : ms)) as typeof setTimeout;
      });
      try {
        await sendEarly('/counted', { authorization: 'Bearer A', 'content-type': 'application/json' }, batch);
        await page.waitForTimeout(50);
        const late = await send('/counted', asTheClient('Bearer A'));
        assert.ok('status' in late, JSON.stringify(late));
        assert.deepEqual(late.json, { answer: 2 });
      } finally {
        await page.evaluate(() => {
          const timers = window as unknown as { setTimeout: typeof setTimeout; realSetTimeout: typeof setTimeout };
          timers.setTimeout = timers.realSetTimeout;
        });
      }
    });

    it("keeps the client's deadline while the early answer is on its way", async () => {
      await sendEarly('/slow', { authorization: 'Bearer A', 'content-type': 'application/json' }, batch);
      const late = await send('/slow', { ...asTheClient('Bearer A'), timeoutMs: 200 });
      assert.ok('error' in late, JSON.stringify(late));
      assert.equal(late.error, 'TimeoutError');
    });

    it("hands its failure to the client's request, as its own would have failed", async () => {
      await sendEarly('/drop', { authorization: 'Bearer A', 'content-type': 'application/json' }, batch);
      assert.deepEqual(await send('/drop', asTheClient('Bearer A')), {
        error: 'TypeError',
        message: 'Failed to fetch',
      });
    });
  });
});
