import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { isEntityKind } from '@tandem/core';
import type { PortfolioService } from '../data/portfolioService.js';
import type { WriteOutbox } from '../outbox/writeOutbox.js';
import { roadmapHtml } from './roadmapHtml.js';
import { isStoreCall, type StoreReply, type WebviewInit } from './storeProtocol.js';
import { keptReply, writeOf } from './storeWrites.js';

let current: vscode.WebviewPanel | undefined;

function themeOf(kind: vscode.ColorThemeKind): WebviewInit['theme'] {
  if (kind === vscode.ColorThemeKind.HighContrast || kind === vscode.ColorThemeKind.HighContrastLight)
    return 'contrast';
  return kind === vscode.ColorThemeKind.Dark ? 'dark' : 'default';
}

/**
 * Opens (or reveals) the Roadmap: `@tandem/ui` in a webview whose store calls are answered by the host's store.
 * Writes go through the outbox: kept when Graph is unreachable, and answered with the value they will have.
 */
export function openRoadmap(
  context: vscode.ExtensionContext,
  service: PortfolioService,
  outbox: WriteOutbox,
): vscode.WebviewPanel | undefined {
  const connection = service.active;
  if (!connection) {
    void vscode.window.showInformationMessage('Connect Tandem first (Tandem: Sign In, or set tandem.graphUrl).');
    return undefined;
  }
  if (current) {
    current.reveal();
    return current;
  }
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const panel = vscode.window.createWebviewPanel('tandem.roadmap', 'Tandem Roadmap', vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [dist],
    retainContextWhenHidden: false,
  });
  current = panel;
  panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
  panel.webview.html = roadmapHtml({
    scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
    cspSource: panel.webview.cspSource,
    nonce: randomBytes(18).toString('base64'),
  });
  const post = (message: StoreReply | WebviewInit | { type: 'changed' }) => void panel.webview.postMessage(message);
  const disposables: vscode.Disposable[] = [
    panel.webview.onDidReceiveMessage(async (message: unknown) => {
      if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready') {
        post({ type: 'init', user: connection.me, theme: themeOf(vscode.window.activeColorTheme.kind) });
        return;
      }
      if (!isStoreCall(message)) return; // anything else from the page is ignored
      try {
        if (!isEntityKind(message.args[0]))
          throw new TypeError(`not an entity kind: ${JSON.stringify(message.args[0])}`);
        const write = writeOf(message);
        let value: unknown;
        if (write) {
          const result = await outbox.submit(write);
          value = result.status === 'done' ? result.stored : keptReply(write, service.portfolio);
        } else {
          const store = connection.store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
          value = await store[message.method]!.apply(connection.store, message.args);
        }
        post({ type: 'reply', id: message.id, ok: true, value });
        if (message.method !== 'get' && message.method !== 'getByKey' && message.method !== 'query')
          void service.refresh();
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        const code = (e as { code?: unknown }).code;
        post({
          type: 'reply',
          id: message.id,
          ok: false,
          error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) },
        });
      }
    }),
    service.onDidChange(() => post({ type: 'changed' })),
    vscode.window.onDidChangeActiveColorTheme((theme) =>
      post({ type: 'init', user: connection.me, theme: themeOf(theme.kind) }),
    ),
  ];
  panel.onDidDispose(() => {
    current = undefined;
    disposables.forEach((d) => d.dispose());
  });
  return panel;
}
