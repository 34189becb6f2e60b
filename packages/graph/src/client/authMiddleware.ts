import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { TokenProvider } from '@tandem/core';

/**
 * Puts `Authorization: Bearer <token>` on every request, from the host's {@link TokenProvider}.
 * The SDK's own handler only does so for https Graph hosts; this one works for the http local server too.
 */
export class AuthMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly tokens: TokenProvider,
    private readonly scopes: readonly string[],
  ) {}

  /** Part of the SDK's middleware chain. */
  setNext(next: Middleware): void {
    this.next = next;
  }

  /** Adds the bearer token, then hands on. */
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('AuthMiddleware needs a next middleware');
    const token = await this.tokens.getToken([...this.scopes]);
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${token}`);
    options.headers = Object.fromEntries(headers.entries());
    await this.next.execute(context);
  }
}
