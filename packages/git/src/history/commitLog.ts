/**
 * Reads commits with one `git log` whose records and fields are split by control characters that never occur in
 * commit metadata, so that messages with any text (blank lines, colons, brackets) parse exactly.
 */

/** A commit as the history scan reads it. */
export interface LoggedCommit {
  sha: string;
  authorName: string;
  authorEmail: string;
  /** Author date, strict ISO 8601. */
  date: string;
  /** The raw message (subject and body). */
  message: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** The `--format` for `git log` that `CommitLogParser` reads. */
export const COMMIT_LOG_FORMAT = `%H${FIELD}%an${FIELD}%ae${FIELD}%aI${FIELD}%B${RECORD}`;

/** Parses `git log --format=COMMIT_LOG_FORMAT` output fed in chunks of any size. */
export class CommitLogParser {
  private rest = '';

  /** Feeds a chunk; returns the commits it completed. */
  push(chunk: string, into: LoggedCommit[] = []): LoggedCommit[] {
    const text = this.rest === '' ? chunk : this.rest + chunk;
    let start = 0;
    for (;;) {
      const end = text.indexOf(RECORD, start);
      if (end < 0) break;
      const commit = parseRecord(text.slice(start, end));
      if (commit) into.push(commit);
      start = end + 1;
    }
    this.rest = text.slice(start);
    return into;
  }

  /** Whether everything fed so far formed whole records. */
  get complete(): boolean {
    return this.rest.trim() === '';
  }
}

function parseRecord(record: string): LoggedCommit | undefined {
  // git separates records with a newline after the record mark; fields are found by position, not by splitting.
  const from = record.charCodeAt(0) === 10 ? 1 : 0;
  const a = record.indexOf(FIELD, from);
  const b = a < 0 ? -1 : record.indexOf(FIELD, a + 1);
  const c = b < 0 ? -1 : record.indexOf(FIELD, b + 1);
  const d = c < 0 ? -1 : record.indexOf(FIELD, c + 1);
  if (d < 0) return undefined;
  const end = record.charCodeAt(record.length - 1) === 10 ? record.length - 1 : record.length;
  return {
    sha: record.slice(from, a),
    authorName: record.slice(a + 1, b),
    authorEmail: record.slice(b + 1, c),
    date: record.slice(c + 1, d),
    message: record.slice(d + 1, end),
  };
}
