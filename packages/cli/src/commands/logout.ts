import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { checkPositionals, parseOrUsage } from '../commandKit/commandArgs.js';
import { printResult } from '../commandKit/output.js';
import { configFolder } from '../signIn/configFolder.js';
import { signOut } from '../signIn/deviceCodeSignIn.js';

/** `tandem logout`: forgets the sign-in and removes the cached tokens. */
export const logoutCommand: Command = {
  name: 'logout',
  summary: 'Sign out: remove the cached tokens of tandem login.',
  usage: 'Usage: tandem logout [--json]\n\nRemoves the token cache from your config folder.',
  async run(args, io) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true }),
    );
    checkPositionals(positionals, 0, 0);
    const wasSignedIn = await signOut(configFolder());
    printResult(
      io,
      values.json ?? false,
      { signedOut: wasSignedIn },
      wasSignedIn ? 'Signed out.' : 'Was not signed in.',
    );
    return 0;
  },
};
