/** Structured fields beside a log message. Never put tokens or message bodies in them. */
export type LogFields = Record<string, unknown>;

/** Where diagnostics go; each host supplies one (an output channel, the console, nothing). */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}
