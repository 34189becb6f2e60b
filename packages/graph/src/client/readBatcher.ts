import { maxBatchSize, runBatch } from '../batch/batch.js';
import type { GraphClient, GraphResponse } from './graphClient.js';

interface QueuedRead {
  path: string;
  headers: Record<string, string> | undefined;
  resolve(response: GraphResponse<unknown>): void;
  reject(error: unknown): void;
}

/**
 * SharePoint reads asked for in the same task, sent as JSON `$batch`es of up to {@link maxBatchSize} (Graph's advice for
 * a page's first reads: one request through the browser, the proxy and the server instead of one each). A read asked
 * for alone, and any other GET, is sent as it is: mailbox reads keep to Outlook's limit of requests at once, which a
 * batch would not. Each caller gets its own answer or `GraphError`, as if its read had been sent on its own;
 * throttled reads in a batch are sent again by `runBatch`.
 */
export class ReadBatcher {
  private queue: QueuedRead[] = [];

  constructor(private readonly client: GraphClient) {}

  /** Whether a GET of `path` (relative to the client's base URL) waits for the task's batch. */
  static batches(path: string): boolean {
    return path.startsWith('/sites/');
  }

  /** Queues a GET of `path` for the batch sent once the current task ends. */
  get(path: string, headers: Record<string, string> | undefined): Promise<GraphResponse<unknown>> {
    return new Promise((resolve, reject) => {
      if (this.queue.length === 0) afterTask(() => this.flush());
      this.queue.push({ path, headers, resolve, reject });
    });
  }

  private flush(): void {
    const reads = this.queue;
    this.queue = [];
    if (reads.length === 1) {
      const [read] = reads as [QueuedRead];
      this.client.send('GET', read.path, read.headers ? { headers: read.headers } : {}).then(read.resolve, read.reject);
      return;
    }
    // Batches of reads depend on none other: they go at once.
    for (let start = 0; start < reads.length; start += maxBatchSize)
      void this.sendBatch(reads.slice(start, start + maxBatchSize));
  }

  private async sendBatch(reads: QueuedRead[]): Promise<void> {
    try {
      const results = await runBatch(
        this.client,
        reads.map((read, i) => ({
          id: String(i + 1),
          method: 'GET',
          url: read.path,
          ...(read.headers ? { headers: read.headers } : {}),
        })),
      );
      reads.forEach((read, i) => {
        const result = results.get(String(i + 1))!;
        if (result.error) read.reject(result.error);
        else read.resolve({ status: result.status, headers: new Headers(result.headers), body: result.body });
      });
    } catch (error) {
      for (const read of reads) read.reject(error);
    }
  }
}

/**
 * Runs `fn` in a task of its own, once the current task and its microtasks are done: the reads a page asks for across
 * several awaits all make the batch. A message rather than a timer, which a hidden browser tab would slow to once a
 * second or less.
 */
function afterTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(undefined);
}
