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
  /** Resource units charged in the last minute, per app, as [epoch ms, units]. */
  private window = new Map<string, Array<[number, number]>>();

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
  charge(appId: string, units: number, now = new Date()): void {
    this.usage(appId).resourceUnits += units;
    const entries = this.window.get(appId) ?? [];
    // Entries come in time order: drop the ones past the minute from the front, so the window stays small even when
    // nothing reads it (no per-minute limit set).
    const cutoff = now.getTime() - 60_000;
    let stale = 0;
    while (stale < entries.length && entries[stale]![0] <= cutoff) stale++;
    if (stale > 0) entries.splice(0, stale);
    entries.push([now.getTime(), units]);
    this.window.set(appId, entries);
  }

  /** How many charges the one-minute window of an app holds. */
  windowLength(appId: string): number {
    return this.window.get(appId)?.length ?? 0;
  }

  /**
   * The units an app was charged in the minute before `now`, and the seconds until the oldest of them leave the
   * window (what a throttled client should wait).
   */
  lastMinute(appId: string, now: Date): { units: number; secondsUntilRelief: number } {
    const cutoff = now.getTime() - 60_000;
    const entries = (this.window.get(appId) ?? []).filter(([t]) => t > cutoff);
    this.window.set(appId, entries);
    const units = entries.reduce((sum, [, u]) => sum + u, 0);
    const oldest = entries[0]?.[0];
    return { units, secondsUntilRelief: oldest === undefined ? 0 : Math.max(1, Math.ceil((oldest - cutoff) / 1000)) };
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
    this.window = new Map();
    this.since = now;
  }
}
