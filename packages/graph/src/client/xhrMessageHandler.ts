import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link of the middleware chain in a browser page: sends the request with `XMLHttpRequest` instead of `fetch`.
 * A page's first answer can be a megabyte (a thousand list items), and Chromium hands `XMLHttpRequest`'s body to the
 * page sooner: ~10 ms after its last byte arrived, against ~21 ms for `fetch`'s `text()`, measured over 24 loads of each
 * in one run. That time is on the page's way to its first screen.
 *
 * It behaves as `fetch` does for the rest of the chain: the answer is a `Response` (status, headers, `ok`), whose
 * `text()` and `json()` give the body `XMLHttpRequest` read (a `Response` made from that text and read again took ~30 ms
 * more); a network failure rejects with a `TypeError`, and an aborted request with its signal's reason (the timeout's).
 * A request the page sent early, before its client had loaded, is not sent again: its answer is taken (see
 * {@link sendEarly}).
 */
export class XhrMessageHandler implements Middleware {
  /** Part of the SDK's middleware chain: the last link, which sends (or takes the answer of an early request). */
  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const request = context.request;
    const exchange: Exchange = {
      method: options.method ?? (typeof request === 'string' ? 'GET' : request.method),
      url: typeof request === 'string' ? request : request.url,
      headers: new Headers(options.headers as HeadersInit | undefined),
      body: (options.body as XMLHttpRequestBodyInit | null | undefined) ?? null,
    };
    const answer = await (takeEarlyAnswer(exchange, options.signal ?? undefined) ??
      send(exchange, options.signal ?? undefined));
    context.response = new ReadResponse(answer.text, {
      status: answer.status,
      statusText: answer.statusText,
      headers: responseHeaders(answer.headers),
    });
  }
}

/** A request as the handler sends it. */
interface Exchange {
  method: string;
  url: string;
  headers: Headers;
  body: XMLHttpRequestBodyInit | null;
}

/** What `XMLHttpRequest` read of an answer. */
interface Answer {
  status: number;
  statusText: string;
  /** `getAllResponseHeaders()`. */
  headers: string;
  text: string;
}

/** A request a page sent before its Graph client was loaded (see {@link sendEarly}). */
interface EarlyRequest {
  exchange: Exchange & { body: string };
  answer: Promise<Answer>;
  sentAt: number;
  /** Lets the request go once its lifetime is over, when nobody has taken it. */
  expiry: ReturnType<typeof setTimeout>;
}

/** How long an early request's answer may be taken after it was sent; an older one is asked for again. */
export const earlyAnswerLifetimeMs = 10_000;

const earlyRequests: EarlyRequest[] = [];

/**
 * Sends a request a page knows it will make, before the code that makes it has loaded: a page's first `$batch` can
 * leave as soon as the token is there, rather than once the store's chunk has run (~45 ms of main thread in Chromium
 * on two cores). The client's first request identical to it (method, URL, `Authorization` and body) takes its answer
 * instead of sending again, within {@link earlyAnswerLifetimeMs}; the middleware above (retries, errors) sees that
 * answer as if it had sent the request itself, and a retry is sent afresh. A request that no longer matches what the
 * client sends is reported on the console when the client sends its own, and its answer is never used.
 */
export function sendEarly(method: string, url: string, headers: Record<string, string>, body: string): void {
  const exchange = { method, url: new URL(url, location.href).href, headers: new Headers(headers), body };
  const answer = send(exchange, undefined);
  answer.catch(() => undefined); // whoever takes it hears of the failure
  // An answer nobody takes (the page failed before its client asked) is let go with its lifetime, not kept for the
  // page's life; the age check below still holds where a background page's timers run late.
  const early: EarlyRequest = {
    exchange,
    answer,
    sentAt: performance.now(),
    expiry: setTimeout(() => {
      const index = earlyRequests.indexOf(early);
      if (index >= 0) earlyRequests.splice(index, 1);
    }, earlyAnswerLifetimeMs),
  };
  earlyRequests.push(early);
}

/** The answer of the early request identical to `exchange`, taken (once); undefined when there is none. */
function takeEarlyAnswer(exchange: Exchange, signal: AbortSignal | undefined): Promise<Answer> | undefined {
  if (earlyRequests.length === 0) return undefined;
  const url = new URL(exchange.url, location.href).href;
  const index = earlyRequests.findIndex(
    (early) => early.exchange.method === exchange.method && early.exchange.url === url,
  );
  if (index < 0) return undefined;
  const [early] = earlyRequests.splice(index, 1) as [EarlyRequest];
  clearTimeout(early.expiry); // taken: its timer would only keep the answer alive
  const sameBody = early.exchange.body === exchange.body;
  if (!sameBody)
    console.warn(
      `Tandem: the page's early ${exchange.method} ${url} no longer matches the request it makes; sent again ` +
        '(a generated copy of it is brought up to date by `npm run generate`)',
    );
  const sameSender = early.exchange.headers.get('authorization') === exchange.headers.get('authorization');
  if (!sameBody || !sameSender || performance.now() - early.sentAt > earlyAnswerLifetimeMs) return undefined;
  if (!signal) return early.answer;
  // The caller's deadline still holds while it waits for the early answer.
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    early.answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** A `Response` whose body has been read already (see {@link XhrMessageHandler}). */
class ReadResponse extends Response {
  constructor(
    private readonly bodyText: string,
    init: ResponseInit,
  ) {
    super(null, init);
  }

  override text(): Promise<string> {
    return Promise.resolve(this.bodyText);
  }

  override json(): Promise<unknown> {
    return Promise.resolve().then(() => JSON.parse(this.bodyText) as unknown);
  }
}

function send({ method, url, headers, body }: Exchange, signal: AbortSignal | undefined): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    headers.forEach((value, name) => xhr.setRequestHeader(name, value));
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const settle = () => signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      settle();
      resolve({
        status: xhr.status,
        statusText: xhr.statusText,
        headers: xhr.getAllResponseHeaders(),
        text: xhr.responseText,
      });
    };
    xhr.onerror = () => {
      settle();
      reject(new TypeError('Failed to fetch'));
    };
    xhr.onabort = () => {
      settle();
      reject(signal?.reason ?? new DOMException('The request was aborted.', 'AbortError'));
    };
    xhr.send(body);
  });
}

/** `getAllResponseHeaders()`'s lines (`name: value`, CRLF-separated) as `Headers`. */
function responseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
