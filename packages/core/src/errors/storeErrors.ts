/** What went wrong, for callers to branch on. */
export type StoreErrorCode =
  'conflict' | 'notFound' | 'validation' | 'unauthorized' | 'forbidden' | 'throttled' | 'unavailable' | 'unknown';

/** The base of every error a `Store` (or core's validation) throws. */
export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}

/**
 * Someone else changed (or deleted) the item since it was read: the ETag passed no longer matches,
 * or a create collides with another item's key. Carries both sides so the caller can merge or ask the user.
 */
export class ConflictError<T = unknown> extends StoreError {
  declare readonly code: 'conflict';
  /** What this caller tried to write (a patch for an update, the value for a create, undefined for a delete). */
  readonly mine: unknown;
  /** The item as it is now in the store, with its ETag; undefined when it has been deleted meanwhile. */
  readonly theirs: { value: T; etag: string } | undefined;

  constructor(
    message: string,
    mine: unknown,
    theirs: { value: T; etag: string } | undefined,
    options?: { cause?: unknown },
  ) {
    super('conflict', message, options);
    this.name = 'ConflictError';
    this.mine = mine;
    this.theirs = theirs;
  }
}

/** The item asked for does not exist (or no longer does). */
export class NotFoundError extends StoreError {
  declare readonly code: 'notFound';
  readonly kind: string;
  readonly id: string;

  constructor(kind: string, id: string, options?: { cause?: unknown }) {
    super('notFound', `${kind} ${id} was not found`, options);
    this.name = 'NotFoundError';
    this.kind = kind;
    this.id = id;
  }
}

/** One problem with a value: the field (dotted path, `votes.0.vote`; empty for the value itself) and what is wrong. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** A value failed validation; `issues` name every offending field. */
export class ValidationError extends StoreError {
  declare readonly code: 'validation';
  readonly issues: ValidationIssue[];

  constructor(subject: string, issues: ValidationIssue[], options?: { cause?: unknown }) {
    super(
      'validation',
      `invalid ${subject}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
      options,
    );
    this.name = 'ValidationError';
    this.issues = issues;
  }
}
