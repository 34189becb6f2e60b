/**
 * The Teams deep link to a key in Tandem's roadmap tab (`subEntityId` is the key), or undefined when the Teams app id
 * is not configured.
 */
export function teamsDeepLink(teamsAppId: string | undefined, key: string): string | undefined {
  const appId = teamsAppId?.trim();
  if (!appId) return undefined;
  const context = encodeURIComponent(JSON.stringify({ subEntityId: key }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/tandem-roadmap?context=${context}`;
}
