import { randomUUID } from 'node:crypto';
import { badRequest } from '../http/graphError.js';

/** A fault to inject, as posted to `POST /_local/faults`. */
export interface FaultRule {
  id: string;
  /** A substring of the request path (with its query) below and including `/v1.0`. */
  match: string;
  method?: string;
  /** 429, 503, 500 or another error status; absent for a pure delay or reset. */
  status?: number;
  /** Seconds for the Retry-After header of a 429 or 503. */
  retryAfter?: number;
  /** How many matching requests to fault before the rule retires; unlimited when absent. */
  count?: number;
  /** The probability (0..1) that a matching request is faulted. */
  rate?: number;
  /** Latency to add before answering (or before the fault). */
  delayMs?: number;
  /** Drop the connection without an answer (top-level requests only). */
  reset?: boolean;
  /**
   * Fault after the request has been applied and committed instead of before it runs: with `reset` the write lands
   * and the connection drops without an answer; with `status` the write lands and the client is told it failed
   * (a gateway timing out behind a finished write). The case a writer must survive to write exactly once.
   */
  afterApply?: boolean;
}

/** A fault to apply at one moment of a request: before it runs, or after it was applied. */
export interface FaultEffect {
  status?: number;
  retryAfter?: number;
  reset: boolean;
}

/** What to do with one request: wait, then fault `before` it runs or, once it is applied, fault `after`. */
export interface FaultDecision {
  delayMs: number;
  before: FaultEffect;
  after: FaultEffect;
}

/** Holds the injected faults and decides, request by request, which applies. */
export class FaultInjector {
  private rules: FaultRule[] = [];

  /** Validates and adds a rule from a request body. */
  add(input: unknown): FaultRule {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw badRequest('A fault must be an object.');
    const b = input as Record<string, unknown>;
    if (typeof b.match !== 'string' || b.match === '') throw badRequest(`'match' must be a non-empty path substring.`);
    const rule: FaultRule = { id: randomUUID(), match: b.match };
    if (b.method !== undefined) {
      if (typeof b.method !== 'string') throw badRequest(`'method' must be an HTTP method.`);
      rule.method = b.method.toUpperCase();
    }
    if (b.status !== undefined) {
      if (typeof b.status !== 'number' || !Number.isInteger(b.status) || b.status < 400 || b.status > 599) {
        throw badRequest(`'status' must be an HTTP error status (400–599).`);
      }
      rule.status = b.status;
    }
    for (const key of ['retryAfter', 'count', 'delayMs'] as const) {
      const v = b[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
        throw badRequest(`'${key}' must be a non-negative number.`);
      rule[key] = v;
    }
    if (b.rate !== undefined) {
      if (typeof b.rate !== 'number' || b.rate < 0 || b.rate > 1)
        throw badRequest(`'rate' must be a number from 0 to 1.`);
      rule.rate = b.rate;
    }
    for (const key of ['reset', 'afterApply'] as const) {
      const v = b[key];
      if (v === undefined) continue;
      if (typeof v !== 'boolean') throw badRequest(`'${key}' must be a boolean.`);
      rule[key] = v;
    }
    if (rule.status === undefined && !rule.reset && rule.delayMs === undefined) {
      throw badRequest(`A fault needs 'status', 'reset' or 'delayMs'.`);
    }
    if (rule.afterApply && rule.status === undefined && !rule.reset) {
      throw badRequest(`'afterApply' needs 'status' or 'reset': the fault to answer with once the request is applied.`);
    }
    this.rules.push(rule);
    return rule;
  }

  /** The rules in force. */
  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** Decides for one request; consumes one use of a counted rule that fires. */
  decide(method: string, target: string, allowReset: boolean): FaultDecision {
    const decision: FaultDecision = { delayMs: 0, before: { reset: false }, after: { reset: false } };
    for (const rule of this.rules) {
      if (!target.includes(rule.match)) continue;
      if (rule.method && rule.method !== method.toUpperCase()) continue;
      if (rule.reset && !allowReset && rule.status === undefined) continue;
      if (rule.rate !== undefined && Math.random() >= rule.rate) continue;
      if (rule.count !== undefined) {
        if (rule.count <= 0) continue;
        rule.count--;
      }
      decision.delayMs += rule.delayMs ?? 0;
      const effect = rule.afterApply ? decision.after : decision.before;
      if (rule.reset && allowReset) effect.reset = true;
      if (rule.status !== undefined && effect.status === undefined) {
        effect.status = rule.status;
        if (rule.retryAfter !== undefined) effect.retryAfter = rule.retryAfter;
      }
    }
    this.rules = this.rules.filter((r) => r.count === undefined || r.count > 0);
    return decision;
  }
}
