import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Where each suite leaves its figures for `docs/reliability.md` (cleared by the full run before it starts). */
export const figuresDir = process.env.TANDEM_FIGURES_DIR ?? join(repoRoot, '.test-results', 'reliability-figures');

/** Whether this is the full matrix (`npm run test:reliability`) rather than the short version inside `npm test`. */
export function isFullRun(): boolean {
  return process.env.TANDEM_RELIABILITY === 'full';
}

/** Keeps one suite's figures (any JSON) under `section`, for the report the full run writes. */
export function recordFigures(section: string, figures: unknown): void {
  mkdirSync(figuresDir, { recursive: true });
  writeFileSync(join(figuresDir, `${section}.json`), JSON.stringify(figures, null, 2));
}

/** Every section recorded so far. */
export function readFigures(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let files: string[] = [];
  try {
    files = readdirSync(figuresDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const f of files.filter((name) => name.endsWith('.json')).sort()) {
    out[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(figuresDir, f), 'utf8')) as unknown;
  }
  return out;
}

/** A plain-text table, for printing in the test output. */
export function textTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}
