import assert from 'node:assert/strict';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { RetryMiddleware, RetryRequestOptions, DroppedConnectionError } from '../retryMiddleware.js';
import { retryDelayMs, type RetryPolicy } from '../retryPolicy.js';
import { GraphError, graphErrorFromResponse, parseRetryAfter } from '../graphError.js';
import { MailboxConcurrencyMiddleware } from '../mailboxConcurrencyMiddleware.js';

/** A next-in-chain that answers from a script: a status (with optional Retry-After) or a thrown error per call. */
class ScriptedHandler implements Middleware {
  calls = 0;
  constructor(private readonly script: (number | [number, string] | Error)[]) {}
  async execute(context: Context): Promise<void> {
    const step = this.script[Math.min(this.calls++, this.script.length - 1)]!;
    if (step instanceof Error) throw step;
    const [status, retryAfter] = Array.isArray(step) ? step : [step, undefined];
    context.response = new Response(status === 204 ? null : '{}', {
      status,
      headers: retryAfter ? { 'retry-after': retryAfter } : {},
    });
  }
}

function policy(waits: number[], maxRetries = 4): RetryPolicy {
  return {
    maxRetries,
    baseDelayMs: 100,
    maxDelayMs: 5_000,
    random: () => 0.5,
    sleep: async (ms) => {
      waits.push(ms);
    },
  };
}

function context(method: string, options: unknown[] = []): Context {
  const control = new Map(options.map((o) => [(o as object).constructor, o]));
  return {
    request: 'http://127.0.0.1/v1.0/x',
    options: { method },
    middlewareControl: { getMiddlewareOptions: (fn: unknown) => control.get(fn as never) } as never,
  };
}

describe('retry middleware', () => {
  it('retries 429 after Retry-After, then passes the success on', async () => {
    const waits: number[] = [];
    const next = new ScriptedHandler([[429, '2'], [503, '1'], 200]);
    const events: { status: number; attempt: number; waitMs: number }[] = [];
    const retry = new RetryMiddleware(policy(waits), (e) => events.push(e));
    retry.setNext(next);
    const ctx = context('GET');
    await retry.execute(ctx);
    assert.equal(ctx.response?.status, 200);
    assert.deepEqual(waits, [2000, 1000]);
    assert.deepEqual(
      events.map((e) => [e.status, e.attempt, e.waitMs]),
      [
        [429, 1, 2000],
        [503, 2, 1000],
      ],
    );
    assert.equal(next.calls, 3);
  });

  it('backs off exponentially with jitter when there is no Retry-After, capped', async () => {
    const waits: number[] = [];
    const next = new ScriptedHandler([503, 503, 504, 503, 503, 503, 503, 503, 200]);
    const retry = new RetryMiddleware({ ...policy(waits, 8), maxDelayMs: 500 });
    retry.setNext(next);
    await retry.execute(context('PATCH'));
    // random 0.5 of 100·2^n, capped at 500
    assert.deepEqual(waits, [50, 100, 200, 250, 250, 250, 250, 250]);
  });

  it('gives up after the cap and hands the last throttled response on', async () => {
    const waits: number[] = [];
    const next = new ScriptedHandler([429]);
    const retry = new RetryMiddleware(policy(waits, 3));
    retry.setNext(next);
    const ctx = context('GET');
    await retry.execute(ctx);
    assert.equal(ctx.response?.status, 429);
    assert.equal(next.calls, 4);
  });

  it('does not retry other failures', async () => {
    const next = new ScriptedHandler([404, 200]);
    const retry = new RetryMiddleware(policy([]));
    retry.setNext(next);
    const ctx = context('GET');
    await retry.execute(ctx);
    assert.equal(ctx.response?.status, 404);
    assert.equal(next.calls, 1);
  });

  it('retries a dropped connection for a GET', async () => {
    const next = new ScriptedHandler([new TypeError('fetch failed'), 200]);
    const retry = new RetryMiddleware(policy([]));
    retry.setNext(next);
    const ctx = context('GET');
    await retry.execute(ctx);
    assert.equal(ctx.response?.status, 200);
  });

  it('never repeats a POST after a dropped connection or a 504, unless told it is safe', async () => {
    const dropped = new RetryMiddleware(policy([]));
    const next = new ScriptedHandler([new TypeError('fetch failed'), 200]);
    dropped.setNext(next);
    await assert.rejects(dropped.execute(context('POST')), DroppedConnectionError);
    assert.equal(next.calls, 1);

    const timedOut = new RetryMiddleware(policy([]));
    const next504 = new ScriptedHandler([504, 200]);
    timedOut.setNext(next504);
    const ctx = context('POST');
    await timedOut.execute(ctx);
    assert.equal(ctx.response?.status, 504);

    const safe = new RetryMiddleware(policy([]));
    const nextSafe = new ScriptedHandler([new TypeError('fetch failed'), 200]);
    safe.setNext(nextSafe);
    const safeCtx = context('POST', [new RetryRequestOptions(true)]);
    await safe.execute(safeCtx);
    assert.equal(safeCtx.response?.status, 200);
  });
});

describe('retry delays and Graph errors', () => {
  it('caps Retry-After at the policy maximum', () => {
    assert.equal(retryDelayMs(policy([]), 0, 120), 5_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('3'), 3);
    assert.equal(parseRetryAfter('Sat, 28 Nov 2026 12:00:10 GMT', Date.parse('2026-11-28T12:00:00Z')), 10);
    assert.equal(parseRetryAfter(null), undefined);
  });

  it('keeps Graph code, status and request id', () => {
    const headers = new Headers({ 'request-id': 'r-1', 'retry-after': '7' });
    const error = graphErrorFromResponse('GET /sites/x', 429, headers, {
      error: { code: 'TooManyRequests', message: 'slow down' },
    });
    assert.ok(error instanceof GraphError);
    assert.equal(error.code, 'TooManyRequests');
    assert.equal(error.status, 429);
    assert.equal(error.requestId, 'r-1');
    assert.equal(error.retryAfterSeconds, 7);
    assert.equal(error.retryable, true);
    const notFound = graphErrorFromResponse('GET /x', 404, new Headers(), {
      error: { code: 'itemNotFound', message: 'no', innerError: { 'request-id': 'r-2' } },
    });
    assert.equal(notFound.requestId, 'r-2');
    assert.equal(notFound.retryable, false);
  });
});

describe('mailbox concurrency', () => {
  it('lets at most four mailbox requests through at once, and others freely', async () => {
    const limiter = new MailboxConcurrencyMiddleware(4);
    let running = 0;
    let peak = 0;
    let other = 0;
    const release: (() => void)[] = [];
    limiter.setNext({
      execute: async (ctx: Context) => {
        if (!String(ctx.request).includes('/me/messages')) {
          other++;
          return;
        }
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
      },
    });
    const mail = Array.from({ length: 10 }, (_, i) =>
      limiter.execute({ request: `http://127.0.0.1/v1.0/me/messages/${i}`, options: { method: 'PATCH' } }),
    );
    await limiter.execute({ request: 'http://127.0.0.1/v1.0/sites/root', options: { method: 'GET' } });
    assert.equal(other, 1, 'a SharePoint request does not wait behind mailbox requests');
    assert.equal(running, 4);
    let finished = 0;
    while (finished < 10) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = release.shift();
      if (next) {
        next();
        finished++;
      }
    }
    await Promise.all(mail);
    assert.equal(peak, 4, 'never more than four in flight, and four used');
  });
});
