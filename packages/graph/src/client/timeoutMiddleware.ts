import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Gives each attempt its own deadline, so a hung connection becomes a retryable failure instead of a hang. */
export class TimeoutMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly timeoutMs: number) {}

  /** Part of the SDK's middleware chain. */
  setNext(next: Middleware): void {
    this.next = next;
  }

  /** Sends with a fresh `AbortSignal.timeout` (a retry must not inherit an already-spent deadline). */
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('TimeoutMiddleware needs a next middleware');
    const options = (context.options ??= {});
    options.signal = AbortSignal.timeout(this.timeoutMs) as NonNullable<typeof options.signal>;
    await this.next.execute(context);
  }
}
