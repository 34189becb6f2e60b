import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Outlook allows an app four requests at once per mailbox; more are throttled. This middleware queues requests to
 * mailbox resources (`/me/messages`, `/me/events`, `/me/calendarView`, `/me/outlook`, `/users/{id}/…`) beyond `limit`
 * in flight, so a burst of tagging waits its turn instead of drawing 429s.
 */
export class MailboxConcurrencyMiddleware implements Middleware {
  private next: Middleware | undefined;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit = 4) {}

  /** Part of the SDK's middleware chain. */
  setNext(next: Middleware): void {
    this.next = next;
  }

  /** Waits for a free slot when the request is for a mailbox, then hands on. */
  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('MailboxConcurrencyMiddleware needs a next middleware');
    if (!isMailboxRequest(context)) return this.next.execute(context);
    if (this.inFlight >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inFlight++;
    try {
      await this.next.execute(context);
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const wake = this.waiting.shift();
      if (wake) wake();
      else this.inFlight--;
    }
  }

  /** Requests in flight to mailboxes now (for tests). */
  get active(): number {
    return this.inFlight;
  }
}

const mailboxPath = /\/(me|users\/[^/]+)\/(messages|events|calendarView|calendar|outlook|mailFolders)(\/|\?|$)/i;

function isMailboxRequest(context: Context): boolean {
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  return mailboxPath.test(url);
}
