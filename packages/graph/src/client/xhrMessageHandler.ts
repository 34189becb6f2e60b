import type { Context, FetchOptions, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link of the middleware chain in a browser page: sends the request with `XMLHttpRequest` instead of `fetch`.
 * A page's first answer can be a megabyte (a thousand list items), and Chromium hands `XMLHttpRequest`'s body to the
 * page sooner: ~10 ms after its last byte arrived, against ~21 ms for `fetch`'s `text()`, measured over 24 loads of each
 * in one run. That time is on the page's way to its first screen.
 *
 * It behaves as `fetch` does for the rest of the chain: the answer is a `Response` (status, headers, `ok`), whose
 * `text()` and `json()` give the body `XMLHttpRequest` read (a `Response` made from that text and read again took ~30 ms
 * more); a network failure rejects with a `TypeError`, and an aborted request with its signal's reason (the timeout's).
 */
export class XhrMessageHandler implements Middleware {
  /** Part of the SDK's middleware chain: the last link, which sends. */
  async execute(context: Context): Promise<void> {
    context.response = await send(context.request, context.options ?? {});
  }
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

function send(request: RequestInfo, options: FetchOptions): Promise<Response> {
  return new Promise((resolve, reject) => {
    const signal = options.signal;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    const url = typeof request === 'string' ? request : request.url;
    xhr.open(options.method ?? (typeof request === 'string' ? 'GET' : request.method), url);
    new Headers(options.headers as HeadersInit | undefined).forEach((value, name) => xhr.setRequestHeader(name, value));
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    const settle = () => signal?.removeEventListener('abort', abort);
    xhr.onload = () => {
      settle();
      resolve(
        new ReadResponse(xhr.responseText, {
          status: xhr.status,
          statusText: xhr.statusText,
          headers: responseHeaders(xhr.getAllResponseHeaders()),
        }),
      );
    };
    xhr.onerror = () => {
      settle();
      reject(new TypeError('Failed to fetch'));
    };
    xhr.onabort = () => {
      settle();
      reject(signal?.reason ?? new DOMException('The request was aborted.', 'AbortError'));
    };
    xhr.send((options.body as XMLHttpRequestBodyInit | null | undefined) ?? null);
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
