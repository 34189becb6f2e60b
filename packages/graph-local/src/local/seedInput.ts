import { badRequest } from '../http/graphError.js';

/** Reads seeding input field by field, naming the field in every error. */
export class SeedInput {
  private readonly body: Record<string, unknown>;

  constructor(
    body: unknown,
    private readonly what: string,
  ) {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw badRequest(`${what} must be a JSON object.`);
    this.body = body as Record<string, unknown>;
  }

  /** A required string. */
  string(name: string): string {
    const v = this.body[name];
    if (typeof v !== 'string' || v === '') throw badRequest(`${this.what}: '${name}' must be a non-empty string.`);
    return v;
  }

  /** An optional string. */
  optionalString(name: string): string | undefined {
    return this.body[name] === undefined ? undefined : this.string(name);
  }

  /** An optional array of strings (empty when absent). */
  strings(name: string): string[] {
    const v = this.body[name];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      throw badRequest(`${this.what}: '${name}' must be an array of strings.`);
    return v as string[];
  }

  /** An optional boolean. */
  boolean(name: string, fallback: boolean): boolean {
    const v = this.body[name];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw badRequest(`${this.what}: '${name}' must be a boolean.`);
    return v;
  }

  /** An ISO 8601 date-time (required unless a fallback is given), normalised to UTC. */
  dateTime(name: string, fallback?: Date): string {
    const v = this.body[name];
    if (v === undefined && fallback) return fallback.toISOString();
    if (typeof v !== 'string' || Number.isNaN(Date.parse(v)))
      throw badRequest(`${this.what}: '${name}' must be an ISO 8601 date-time.`);
    return new Date(v).toISOString();
  }

  /** An optional array of objects. */
  objects(name: string): unknown[] {
    const v = this.body[name];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw badRequest(`${this.what}: '${name}' must be an array.`);
    return v;
  }
}
