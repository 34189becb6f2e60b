/** Gets an access token for the given scopes; each host signs in its own way (NAA, VS Code auth, device code, dev token). */
export interface TokenProvider {
  getToken(scopes: string[]): Promise<string>;
}
