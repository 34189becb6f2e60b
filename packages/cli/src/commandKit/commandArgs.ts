import { parseArgs, type ParseArgsConfig } from 'node:util';
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

/** How many positional arguments a command takes, and what to call them when some are missing. */
export interface PositionalRule {
  min: number;
  max: number;
  names?: string;
}

/** A command's own options, in `parseArgs`' form. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

type GraphCommandConfig<T extends CommandOptions> = {
  args: string[];
  options: typeof graphOptions & T;
  strict: true;
  allowPositionals: true;
};

/** A Graph command's arguments, parsed: its own values (typed from its options), the positionals, the common options. */
export interface ParsedGraphCommand<T extends CommandOptions> {
  values: ReturnType<typeof parseArgs<GraphCommandConfig<T>>>['values'];
  positionals: string[];
  graph: GraphArgs;
}

/**
 * What every Graph command does first, in one call: parses `args` with {@link graphOptions} and the command's own
 * `options` (strictly: unknown options and wrong values are a `UsageError`), checks the positional arguments, and
 * reads the common options. Returns the parsed values, the positionals and the common options.
 */
export function parseGraphCommand<T extends CommandOptions>(
  args: string[],
  options: T,
  positionals: PositionalRule = { min: 0, max: 0 },
): ParsedGraphCommand<T> {
  const config: GraphCommandConfig<T> = {
    args,
    options: { ...graphOptions, ...options },
    strict: true,
    allowPositionals: true,
  };
  const parsed = parseOrUsage(() => parseArgs(config));
  checkPositionals(parsed.positionals, positionals.min, positionals.max, positionals.names);
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    graph: graphArgs(parsed.values as Parameters<typeof graphArgs>[0]),
  };
}
