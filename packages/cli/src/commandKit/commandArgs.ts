import type { ParseArgsConfig } from 'node:util';
import { UsageError } from '../command.js';

/**
 * Every command's default `--graph`: the local Graph server that `tandem start` runs, as its app server (port 3978)
 * forwards it under `/graph`.
 */
export const defaultGraphUrl = 'http://127.0.0.1:3978/graph/v1.0';

/** Options every Graph command takes. */
export const graphOptions = {
  graph: { type: 'string' },
  site: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/** The usage lines of {@link graphOptions}. */
export const graphOptionsUsage = [
  `  --graph URL     Graph to talk to (default: TANDEM_GRAPH_URL, else the local server of tandem start, ${defaultGraphUrl});`,
  '                  https://graph.microsoft.com/v1.0 for a real tenant (sign in first with tandem login)',
  "  --site SITE     the SharePoint site holding Tandem's lists: a URL, a Graph site id, or root (default root)",
  '  --user EMAIL    who acts, against the local server only (default admin@contoso.test)',
  '  --json          print the result as JSON on stdout; no progress bar',
  '  --help          show this help',
].join('\n');

/** The common options after parsing. */
export interface GraphArgs {
  graph: string;
  site?: string;
  user: string;
  json: boolean;
}

/** Runs `parse` (a `parseArgs` call), turning its complaints (unknown options, missing values) into `UsageError` (exit 2). */
export function parseOrUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Checks the number of positional arguments, with a `UsageError` naming what is missing or extra. */
export function checkPositionals(positionals: readonly string[], min: number, max: number, names = 'argument'): void {
  if (positionals.length < min) throw new UsageError(`missing ${names}.`);
  if (positionals.length > max) throw new UsageError(`unexpected argument '${positionals[max]}'.`);
}

/** Reads the common Graph options out of parsed values, checking the URL. */
export function graphArgs(values: { graph?: string; site?: string; user?: string; json?: boolean }): GraphArgs {
  const graph = values.graph ?? process.env.TANDEM_GRAPH_URL ?? defaultGraphUrl;
  let url: URL;
  try {
    url = new URL(graph);
  } catch {
    throw new UsageError(`--graph must be a URL such as ${defaultGraphUrl}, not '${graph}'.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--graph must be an http(s) URL.');
  if (values.user !== undefined && !/^[^@\s]+@[^@\s]+$/.test(values.user))
    throw new UsageError(`--user must be an email address, not '${values.user}'.`);
  return {
    graph: graph.replace(/\/+$/, ''),
    ...(values.site !== undefined ? { site: values.site } : {}),
    user: values.user ?? 'admin@contoso.test',
    json: values.json ?? false,
  };
}
