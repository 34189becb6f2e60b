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
    const text = this.rest + chunk;
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
  // git separates records with a newline after the record mark.
  const trimmed = record.replace(/^\n/, '');
  if (trimmed === '') return undefined;
  const parts = trimmed.split(FIELD);
  if (parts.length < 5) return undefined;
  const [sha, authorName, authorEmail, date] = parts as [string, string, string, string];
  return { sha, authorName, authorEmail, date, message: parts.slice(4).join(FIELD).replace(/\n$/, '') };
}
