/** Shows how far a long command is. */
export interface Progress {
  /** Sets the label and how many of `total` are done (total undefined: a count without a bar). */
  update(label: string, done: number, total?: number): void;
  /** Clears the line. */
  done(): void;
}

const silent: Progress = { update: () => undefined, done: () => undefined };

/**
 * A one-line progress bar on stderr, redrawn at most ten times a second — only on a terminal, never in CI (`CI` set)
 * or with `--json`, where it would be noise in logs and output.
 */
export function progressBar(options: {
  json: boolean;
  stream?: { isTTY?: boolean; write(text: string): unknown; columns?: number };
  env?: NodeJS.ProcessEnv;
  now?: () => number;
}): Progress {
  const stream = options.stream ?? process.stderr;
  const env = options.env ?? process.env;
  if (options.json || !stream.isTTY || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false')) return silent;
  const now = options.now ?? Date.now;
  let last = 0;
  let drawn = false;
  return {
    update(label, done, total) {
      const t = now();
      if (drawn && t - last < 100 && (total === undefined || done < total)) return;
      last = t;
      drawn = true;
      const width = 30;
      const text =
        total === undefined || total === 0
          ? `${label} ${done}`
          : `${label} [${'#'.repeat(Math.round((done / total) * width)).padEnd(width, ' ')}] ${Math.floor((done / total) * 100)}% ${done}/${total}`;
      stream.write(`\r${text.slice(0, (stream.columns ?? 80) - 1)}\x1b[K`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
