/**
 * What the extension host leaves behind, kept for the token-leak scan (tests/security/tokenLeaks.test.ts): after each
 * in-host session and when code-server stops, its state folder — logs (the output channels among them), the user's
 * settings, globalState (`state.vscdb`), globalStorage (the outbox file) — is copied beside the console output it printed,
 * into {@link hostLeftoversDir}; VS Code for the web keeps globalState in the browser, so the page's IndexedDB is kept too. Outside `.test-results`, which any `npm test` started meanwhile clears. Each run of a
 * host suite starts the folder afresh.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the extension host's leftovers are kept. */
export const hostLeftoversDir = join(tmpdir(), 'tandem-vscode-host-leftovers');

/** The file naming the run the leftovers come from (not scanned: written by the harness, not by VS Code). */
export const leftoversManifest = 'leftovers.json';

/** What {@link leftoversManifest} says. */
export interface LeftoversManifest {
  /** The process of the host suite that kept them. */
  pid: number;
  startedAt: string;
  /** The copies kept, in order: `{label}` folders with `state/` and `output.log`. */
  kept: string[];
}

// Folders of code, not of anything the extension writes: installed extensions and VS Code's own caches.
const notKept = new Set(['extensions', 'CachedData', 'CachedExtensionVSIXs', 'CachedProfilesData', 'node_modules']);
const largestFile = 50 * 1024 * 1024;

function manifest(): LeftoversManifest {
  const file = join(hostLeftoversDir, leftoversManifest);
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as LeftoversManifest;
    if (kept.pid === process.pid) return kept;
  }
  // Another run's leftovers: start afresh, so the scan never mixes two runs.
  rmSync(hostLeftoversDir, { recursive: true, force: true });
  mkdirSync(hostLeftoversDir, { recursive: true });
  return { pid: process.pid, startedAt: new Date().toISOString(), kept: [] };
}

/**
 * Copies code-server's state folder (`home`, the parent of its user-data folder) and the console output of the
 * session under `label`; with `browserState`, what the workbench kept in the browser (see {@link browserStateOf}).
 * Never throws for a file that vanished meanwhile (VS Code writes while it runs).
 */
export function keepHostLeftovers(home: string, label: string, output: string, browserState?: BrowserState): void {
  const state = manifest();
  const name = `${String(state.kept.length + 1).padStart(2, '0')}-${label}`;
  const target = join(hostLeftoversDir, name);
  mkdirSync(target, { recursive: true });
  cpSync(home, join(target, 'state'), {
    recursive: true,
    force: true,
    filter: (source) => {
      if (notKept.has(basename(source))) return false;
      try {
        const stat = statSync(source);
        return stat.isDirectory() || (stat.isFile() && stat.size <= largestFile);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false; // gone since it was listed
        throw error;
      }
    },
  });
  writeFileSync(join(target, 'output.log'), output);
  if (browserState) writeFileSync(join(target, browserStateFile), JSON.stringify(browserState, null, 1));
  state.kept.push(name);
  writeFileSync(join(hostLeftoversDir, leftoversManifest), JSON.stringify(state, null, 2));
}

/** code-server's state folder, from its user-data folder. */
export function codeServerHome(userDataDir: string): string {
  return dirname(userDataDir);
}

/** The file holding a session's {@link BrowserState}. */
export const browserStateFile = 'browser-indexeddb.json';

/** Every IndexedDB store of the workbench page: `{ "database/store": [[key, value as text], …] }`. */
export type BrowserState = Record<string, [string, string][]>;

/**
 * What VS Code for the web keeps in the browser rather than on the server: globalState and workspaceState
 * (`vscode-web-state-db-*`), and any other IndexedDB store the workbench opened. Read from the page before it closes.
 */
export async function browserStateOf(page: Page): Promise<BrowserState> {
  // Sent as source text: the test runner's TypeScript transform would wrap a function's inner arrows in a helper
  // the page does not have.
  return (await page.evaluate(readIndexedDb)) as BrowserState;
}

const readIndexedDb = `(async () => {
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error || new Error('IndexedDB request failed'));
  });
  const asText = (value) =>
    typeof value === 'string' ? value
      : value instanceof Uint8Array || value instanceof ArrayBuffer ? new TextDecoder().decode(value)
      : JSON.stringify(value);
  const state = {};
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await done(indexedDB.open(info.name));
    try {
      for (const name of Array.from(db.objectStoreNames)) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
        state[info.name + '/' + name] = keys.map((key, i) => [String(key), asText(values[i])]);
      }
    } finally {
      db.close();
    }
  }
  return state;
})()`;
