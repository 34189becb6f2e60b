/** The commit behind each line of a file, read from `git blame --porcelain`. */
export interface BlameLine {
  /** Zero-based line number in the current file. */
  line: number;
  sha: string;
}

const header = /^([0-9a-f]{40}|[0-9a-f]{64}) \d+ (\d+)(?: \d+)?$/;

/** Parses `git blame --porcelain` output into one entry a line, in line order. Uncommitted lines carry the zero SHA. */
export function parseBlamePorcelain(output: string): BlameLine[] {
  const lines: BlameLine[] = [];
  for (const text of output.split('\n')) {
    const match = header.exec(text);
    if (match) lines.push({ line: Number(match[2]) - 1, sha: match[1]! });
  }
  return lines.sort((a, b) => a.line - b.line);
}

/** Whether `sha` is git's placeholder for lines not committed yet. */
export function isUncommitted(sha: string): boolean {
  return /^0+$/.test(sha);
}
