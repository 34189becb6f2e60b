import assert from 'node:assert/strict';
import { safeHref } from '../safeHref.js';

describe('safeHref', () => {
  it('keeps http and https addresses', () => {
    assert.equal(safeHref('https://contoso.sharepoint.com/sites/x'), 'https://contoso.sharepoint.com/sites/x');
    assert.equal(safeHref('http://127.0.0.1:3978/tab'), 'http://127.0.0.1:3978/tab');
    assert.equal(safeHref(' HTTPS://Example.com/a '), 'https://example.com/a');
    assert.equal(safeHref('https://example.com/a b'), undefined); // a space inside is refused, not guessed at
  });

  it('refuses script, data, file and relative addresses', () => {
    for (const hostile of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example/x',
      '',
    ]) {
      assert.equal(safeHref(hostile), undefined, hostile);
    }
  });

  it('returns undefined for missing values', () => {
    assert.equal(safeHref(undefined), undefined);
    assert.equal(safeHref(null), undefined);
  });
});
