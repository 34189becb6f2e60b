import * as vscode from 'vscode';
import type { PersonRef, TokenProvider } from '@tandem/core';
import { defaultScopes } from '@tandem/graph';

/**
 * Sign-in to a customer's tenant with VS Code's built-in `microsoft` provider, for their own app registration
 * (`VSCODE_CLIENT_ID:` / `VSCODE_TENANT:` scopes). Tokens stay with VS Code: never in settings, never in logs.
 */
export function tenantScopes(tenantId: string, clientId: string, scopes: readonly string[] = defaultScopes): string[] {
  return [
    ...scopes.map((s) => (s.includes('://') ? s : `https://graph.microsoft.com/${s}`)),
    `VSCODE_CLIENT_ID:${clientId}`,
    `VSCODE_TENANT:${tenantId}`,
  ];
}

/** Signs in (asking the user when `interactive`) and returns a token provider and who signed in. */
export async function microsoftSignIn(
  tenantId: string,
  clientId: string,
  interactive: boolean,
): Promise<{ tokenProvider: TokenProvider; me: PersonRef } | undefined> {
  const scopes = tenantScopes(tenantId, clientId);
  const session = await vscode.authentication.getSession(
    'microsoft',
    scopes,
    interactive ? { createIfNone: true } : { silent: true },
  );
  if (!session) return undefined;
  const tokenProvider: TokenProvider = {
    getToken: async () => {
      const fresh = await vscode.authentication.getSession('microsoft', scopes, { silent: true });
      if (!fresh) throw new Error('the Microsoft sign-in has ended: run "Tandem: Sign In"');
      return fresh.accessToken;
    },
  };
  const label = session.account.label;
  return { tokenProvider, me: { email: label, displayName: label.split('@')[0] ?? label } };
}
