/** What one app has used since the last reset. */
export interface AppUsage {
  /** HTTP requests to `/v1.0` (a `$batch` counts once here). */
  requests: number;
  /** Requests inside `$batch` bodies. */
  batchedRequests: number;
  /** SharePoint resource units: 1 a single-item read or a delta call with a token, 2 a multi-item read or a write. */
  resourceUnits: number;
  /** Requests answered with 429 or 503. */
  throttled: number;
}

/** Tallies requests and SharePoint resource units per app, for `GET /_local/stats`. */
export class UsageStats {
  private apps = new Map<string, AppUsage>();
  private since = new Date();

  private usage(appId: string): AppUsage {
    let u = this.apps.get(appId);
    if (!u) {
      u = { requests: 0, batchedRequests: 0, resourceUnits: 0, throttled: 0 };
      this.apps.set(appId, u);
    }
    return u;
  }

  /** Counts one HTTP request (or one request inside a batch). */
  countRequest(appId: string, batched: boolean): void {
    const u = this.usage(appId);
    if (batched) u.batchedRequests++;
    else u.requests++;
  }

  /** Adds resource units. */
  charge(appId: string, units: number): void {
    this.usage(appId).resourceUnits += units;
  }

  /** Counts a throttled answer. */
  countThrottled(appId: string): void {
    this.usage(appId).throttled++;
  }

  /** The tallies, per app. */
  snapshot(): { since: string; apps: Record<string, AppUsage> } {
    return { since: this.since.toISOString(), apps: Object.fromEntries([...this.apps].map(([k, v]) => [k, { ...v }])) };
  }

  /** Starts counting afresh. */
  reset(now: Date): void {
    this.apps = new Map();
    this.since = now;
  }
}
