/**
 * The plain pages the manifest links to (about, privacy, terms, support) and the index of a local run. Static HTML,
 * no script, readable without signing in.
 */

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="/app/pages/app.css" />
  </head>
  <body>
    <main class="tandem-failure">
      <h1>${title}</h1>
      ${body}
    </main>
  </body>
</html>
`;

/** The fixed pages, by path. */
export const infoPages: Record<string, string> = {
  '/about': page(
    'About Tandem',
    '<p>Tandem puts business goals and IT work side by side in Microsoft Teams, Outlook and VS Code. Your data stays in your own Microsoft 365 tenant, in SharePoint lists on a site your administrator picks.</p>',
  ),
  '/privacy': page(
    'Privacy',
    '<p>Tandem stores what you enter (objectives, initiatives, KPIs, decisions, links) in SharePoint lists in your own tenant. It keeps no copy elsewhere. Email and meeting bodies are never copied: only the subject, sender and date you chose to link. Delete an item in Tandem or in SharePoint to remove it; your tenant\'s retention policies apply. Questions: <a href="/support">contact support</a>.</p>',
  ),
  '/terms': page(
    'Terms of use',
    '<p>Tandem is provided under the MIT licence, as is, without warranty. Support: <a href="/support">contact support</a>.</p>',
  ),
  '/support': page(
    'Support',
    '<p>Email <a href="mailto:support@tandem.example">support@tandem.example</a> or <a href="https://github.com/tandem-example/tandem/issues">open an issue</a>. Say which host you use (Teams, Outlook or VS Code) and what you tried.</p>',
  ),
};

/** The page at `path`: a fixed page, or the index of the app's pages at `/`. */
export function infoPage(path: string, appRoutes: string[], origin: string): string | undefined {
  if (path === '/') {
    origin = origin.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const items = appRoutes.map((r) => `<li><a href="${r}">${origin}${r}</a></li>`).join('');
    return page(
      'Tandem (local)',
      `<ul>${items}</ul><p>Microsoft Graph (local): <a href="/graph/v1.0/sites/root">${origin}/graph/v1.0</a></p>`,
    );
  }
  return infoPages[path];
}
