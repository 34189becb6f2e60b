import * as assert from 'node:assert/strict';
import { roadmapHtml } from '../roadmapHtml.js';
import { isStoreCall } from '../storeProtocol.js';

describe('Roadmap webview page', () => {
  const html = roadmapHtml({
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
    cspSource: 'https://*.vscode-cdn.net',
    nonce: 'c2VjcmV0bm9uY2UxMjM0NTY=',
  });

  it('allows scripts by nonce only: no inline script, no eval, nothing remote', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-c2VjcmV0bm9uY2UxMjM0NTY='(;|$)/);
    assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline|http:/);
    const scripts = html.match(/<script[^>]*>/g)!;
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]!, /nonce="c2VjcmV0bm9uY2UxMjM0NTY=" src="https:/);
    assert.ok(!/<script[^>]*>[^<]+<\/script>/.test(html), 'no inline script body');
    assert.match(html, /var\(--vscode-editor-background\)/);
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => roadmapHtml({ scriptUri: 'x', cspSource: 'y', nonce: 'abc' }), RangeError);
  });

  it('accepts only well-formed store calls from the page', () => {
    assert.equal(isStoreCall({ type: 'store', id: 1, method: 'query', args: ['objective'] }), true);
    assert.equal(isStoreCall({ type: 'store', id: 1, method: 'constructor', args: [] }), false);
    assert.equal(isStoreCall({ type: 'store', id: '1', method: 'query', args: [] }), false);
    assert.equal(isStoreCall(null), false);
  });
});
