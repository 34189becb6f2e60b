import { pathToFileURL } from 'node:url';
import type { Command, CommandIO } from './command.js';
import { UsageError } from './command.js';
import { commands } from './commands/registry.js';

const processIO: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** The overview `tandem --help` prints. */
export function overview(registry: Command[] = commands): string {
  const width = Math.max(...registry.map((c) => c.name.length));
  return [
    'Usage: tandem <command> [options]',
    '',
    'Commands:',
    ...registry.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "tandem <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

/**
 * Runs `tandem` with its arguments and resolves to the exit code: 0 on success, 2 on wrong usage (with a message
 * on stderr), 1 when a command fails.
 */
export async function main(argv: string[], io: CommandIO = processIO, registry: Command[] = commands): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(overview(registry));
    return name === undefined ? 2 : 0;
  }
  const command = registry.find((c) => c.name === name);
  if (!command) {
    io.stderr(`tandem: unknown command '${name}'.\n\n${overview(registry)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tandem ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(`tandem ${command.name}: ${(error as Error).message}\n`);
    return 1;
  }
}

// Run directly (`node --import tsx src/main.ts ...`) as well as through bin/tandem.js.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
