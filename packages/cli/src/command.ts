/** Where a command writes: stdout for results, stderr for diagnostics. Injectable so tests can read them. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `tandem <name>` subcommand. Registered with one line in `commands/registry.ts`. */
export interface Command {
  /** The word after `tandem`. */
  name: string;
  /** One line for `tandem --help`. */
  summary: string;
  /** The usage text for `tandem <name> --help`, starting with `Usage:`. */
  usage: string;
  /**
   * Runs the command with the arguments after its name; resolves to the exit code.
   * Throw `UsageError` for wrong usage (exit code 2).
   */
  run(args: string[], io: CommandIO): Promise<number>;
}

/** Wrong usage of a command: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  readonly code = 'usage';

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
