/**
 * The Roadmap webview's page: one bundled script, loaded by nonce under a strict content security policy
 * (no inline script, no eval, no remote content), styled with VS Code's theme variables.
 */
export function roadmapHtml(options: { scriptUri: string; cspSource: string; nonce: string }): string {
  const { scriptUri, cspSource, nonce } = options;
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(nonce)) throw new RangeError('the nonce must be base64 of at least 12 bytes');
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Fluent UI (Griffel) inserts its style rules at run time; styles cannot run code.
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tandem Roadmap</title>
</head>
<body style="margin:0;background:var(--vscode-editor-background);color:var(--vscode-editor-foreground);font-family:var(--vscode-font-family)">
<div id="root" role="main" aria-label="Tandem roadmap"></div>
<script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>`;
}
