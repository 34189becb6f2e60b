import { defaultScopes } from '@tandem/graph';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { parseOrUsage, checkPositionals } from '../commandKit/commandArgs.js';
import { printResult } from '../commandKit/output.js';
import { parseArgs } from 'node:util';
import { configFolder } from '../signIn/configFolder.js';
import { signInWithDeviceCode } from '../signIn/deviceCodeSignIn.js';

/** The delegated permission that creating Tandem's lists and columns needs; asked for only with `--admin`. */
export const provisioningScope = 'Sites.Manage.All';

/** `tandem login`: device-code sign-in to a real tenant; the tokens are kept for the other commands. */
export const loginCommand: Command = {
  name: 'login',
  summary: 'Sign in to a Microsoft 365 tenant (device code) for the other commands.',
  usage: [
    'Usage: tandem login --tenant TENANT --client-id ID [--admin] [--json]',
    '',
    '  --tenant TENANT     the tenant id or domain (contoso.onmicrosoft.com), or organizations',
    '  --client-id ID      the app registration (a public client that allows the device-code flow)',
    '  --authority-host URL  the sign-in host of a national cloud (default https://login.microsoftonline.com)',
    '  --admin             also ask for Sites.Manage.All, which only `tandem provision` needs (creating lists)',
    '  --json              print the result as JSON',
    '',
    'Prints a code and a page to open on stderr, then waits for you to finish in a browser. The tokens are kept in',
    'your config folder ($XDG_CONFIG_HOME/tandem or ~/.config/tandem), readable by you alone.',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseOrUsage(() =>
      parseArgs({
        args,
        options: {
          tenant: { type: 'string' },
          'client-id': { type: 'string' },
          'authority-host': { type: 'string' },
          admin: { type: 'boolean' },
          json: { type: 'boolean' },
        },
        strict: true,
        allowPositionals: true,
      }),
    );
    checkPositionals(positionals, 0, 0);
    if (!values.tenant) throw new UsageError('--tenant is required.');
    if (!values['client-id']) throw new UsageError('--client-id is required.');
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values['client-id']))
      throw new UsageError(`--client-id must be the app's GUID, not '${values['client-id']}'.`);
    const host = values['authority-host'];
    if (host !== undefined && !/^https:\/\//.test(host)) throw new UsageError('--authority-host must be an https URL.');
    const folder = configFolder();
    const record = await signInWithDeviceCode({
      tenant: values.tenant,
      clientId: values['client-id'],
      // Least privilege: day-to-day commands need defaultScopes; creating lists needs Sites.Manage.All as well.
      scopes: values.admin ? [...defaultScopes, provisioningScope] : defaultScopes,
      folder,
      print: (message) => io.stderr(`${message}\n`),
      ...(host ? { authorityHost: host } : {}),
    });
    printResult(
      io,
      values.json ?? false,
      { signedIn: true, username: record.username, tenant: record.tenant, configFolder: folder },
      `Signed in as ${record.username}. Use --graph https://graph.microsoft.com/v1.0 with the other commands.`,
    );
    return 0;
  },
};
