/**
 * Where the VS Code extension keeps secrets, read from its source: tokens come only from VS Code's authentication
 * provider (`vscode.authentication.getSession`) or SecretStorage (`context.secrets`), are read in one place, and no
 * statement that persists or prints anything — globalState, workspaceState, settings, files, the output channel, the
 * console, notifications — handles a token, a session or a secret. The runtime half is the leftovers scan in
 * tokenLeaks.test.ts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { recordFigures } from '../reliability/harness/figures.js';

const extensionDir = join(import.meta.dirname, '..', '..', 'vscode-extension');
const sourceDir = join(extensionDir, 'src');

/** The extension's shipped sources: everything under src/ but its unit tests, in-host test suites and benchmarks. */
function shippedSources(dir = sourceDir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!['__tests__', 'host-tests', 'bench'].includes(name)) shippedSources(path, out);
    } else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Calls that keep or show what they are given. */
const sinks =
  /(?:globalState|workspaceState)\.update\(|\.update\(|\bwriteFile(?:Sync)?\(|\bappendFile(?:Sync)?\(|createWriteStream\(|\b(?:output|log|logger|channel)\.(?:info|warn|error|debug|trace|appendLine|append)\(|console\.\w+\(|show(?:Error|Information|Warning)Message\(|\.secrets\.store\(/g;
/** What a secret looks like in code. */
const secretish =
  /\btokens?\b|accessToken|refreshToken|idToken|bearer|authorization|secret|password|credential|getToken\(|session/i;

/** The text of the call starting at `start` (up to its closing parenthesis), however many lines it spans. */
function callAt(source: string, start: number): string {
  let depth = 0;
  for (let i = source.indexOf('(', start); i < source.length && i - start < 2000; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return source.slice(start, i + 1);
  }
  return source.slice(start, start + 2000);
}

describe('security: VS Code keeps secrets only through its authentication provider or SecretStorage', () => {
  const files = shippedSources();
  const sources = new Map(files.map((f) => [relative(extensionDir, f), readFileSync(f, 'utf8')]));

  it('reads an access token only from a session VS Code’s authentication provider returned', () => {
    const readers = [...sources].filter(([, text]) => /\.accessToken\b/.test(text));
    assert.ok(readers.length > 0, 'the extension signs in somewhere');
    for (const [file, text] of readers) {
      for (const match of text.matchAll(/(\w+)\.accessToken\b/g)) {
        const holder = match[1]!;
        assert.match(
          text,
          new RegExp(`(?:const|let)\\s+${holder}\\s*=\\s*await\\s+vscode\\.authentication\\.getSession\\(`),
          `${file}: ${holder}.accessToken must come from vscode.authentication.getSession`,
        );
      }
    }
    for (const [file, text] of sources) {
      assert.doesNotMatch(
        text,
        /\bkeytar\b|\bsafeStorage\b/,
        `${file}: secrets go through VS Code, not a keychain of its own`,
      );
    }
  });

  it('never persists or prints a token, session or secret (globalState, settings, files, output channel, console)', () => {
    const offending: string[] = [];
    let sinkCalls = 0;
    for (const [file, text] of sources) {
      for (const match of text.matchAll(sinks)) {
        sinkCalls++;
        const call = callAt(text, match.index);
        // SecretStorage is the one place a secret may be kept.
        if (match[0] === '.secrets.store(') continue;
        if (secretish.test(call)) offending.push(`${file}: ${call.slice(0, 160)}`);
      }
    }
    assert.ok(sinkCalls > 20, `the search saw the extension's writes and logs (${sinkCalls})`);
    assert.deepEqual(offending, []);
    recordFigures('security-vscode-secrets', {
      title: 'Security: where the VS Code extension keeps secrets',
      summary:
        "The extension's shipped sources read an access token only from `vscode.authentication.getSession` (VS Code's authentication provider keeps it; SecretStorage is the only other place allowed), and none of their calls that persist or print — globalState, workspaceState, settings, files, the output channel, the console, notifications — handles a token, session or secret.",
      figures: { sourceFiles: files.length, persistOrPrintCalls: sinkCalls, offending: offending.length },
    });
  });

  it('contributes no setting that could hold a secret', () => {
    const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as {
      contributes: {
        configuration:
          | { properties: Record<string, { description?: string; markdownDescription?: string }> }
          | { properties: Record<string, unknown> }[];
      };
    };
    const sections = [manifest.contributes.configuration].flat() as { properties: Record<string, unknown> }[];
    const names = sections.flatMap((s) => Object.keys(s.properties));
    assert.ok(names.includes('tandem.graphUrl'), 'the settings were read');
    for (const name of names) assert.doesNotMatch(name, /token|secret|password|credential|apiKey/i, name);
  });
});
