/**
 * The Roadmap webview: @tandem/ui's app on a store that the extension host serves. Loaded by nonce; no inline script.
 */
import { createRoot } from 'react-dom/client';
import { TandemApp } from '@tandem/ui';
import type { StoreReply, WebviewInit } from '../storeProtocol.js';
import { WebviewStore } from './webviewStore.js';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };

const vscode = acquireVsCodeApi();
const store = new WebviewStore(vscode);
const root = createRoot(document.getElementById('root')!);
let init: WebviewInit | undefined;
let generation = 0;

function render(): void {
  if (!init) return;
  // A new key remounts the app so that it reads the portfolio again after the host says it changed.
  root.render(<TandemApp key={generation} store={store} user={init.user} theme={init.theme} view="roadmap" />);
}

window.addEventListener('message', (event: MessageEvent<StoreReply | WebviewInit | { type: 'changed' }>) => {
  const message = event.data;
  if (message.type === 'reply') store.receive(message);
  else if (message.type === 'init') {
    init = message;
    render();
  } else if (message.type === 'changed') {
    generation++;
    render();
  }
});
vscode.postMessage({ type: 'ready' });
