/**
 * The hostile-input corpus, one copy for every suite: script and markup payloads for every text field. Each one that
 * could run sets `window.__xss`, and each one that could become an element carries `data-xss`, so a page can be checked
 * for both after rendering it ({@link injectedInPage}). Used by @tandem/ui's browser suite and tests/security.
 */
export const hostilePayloads: { name: string; text: string }[] = [
  { name: 'script element', text: '<script data-xss>window.__xss=1</script>' },
  { name: 'img onerror', text: '<img src=x data-xss onerror="window.__xss=2">' },
  { name: 'javascript: link', text: '<a data-xss href="javascript:window.__xss=3">open</a>' },
  { name: 'javascript: URL', text: 'javascript:window.__xss=4' },
  { name: 'data: URL', text: 'data:text/html,<script>window.__xss=5</script>' },
  { name: 'SVG with script', text: '<svg data-xss onload="window.__xss=6"><script>window.__xss=7</script></svg>' },
  { name: 'attribute break-out', text: '"><iframe data-xss src="data:text/html,x"></iframe><b data-xss>' },
  { name: 'template injection', text: "{{constructor.constructor('window.__xss=8')()}} ${window.__xss=9}" },
  { name: 'markdown link', text: '[click](javascript:window.__xss=10) ![x](data:image/svg+xml,<svg onload=alert(1)>)' },
  { name: 'RTL override', text: '\u202Etxt.exe\u202C مرحبا שלום <b data-xss>bold</b>' },
  {
    name: 'very long',
    text: `${'Lorem ipsum dolor sit amet '.repeat(400)}<img src=x data-xss onerror="window.__xss=11">`,
  },
];

/** A script for the page's start (Playwright's addInitScript): traps alert/confirm/prompt and CSP violations. */
export const pageTraps = `
  window.__trapped = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { window.__trapped.push(name + ':' + String(args[0])); };
  }
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
`;

/** Runs in the page: everything that says a payload was taken as markup or code. */
export function injectedInPage(): string[] {
  const w = window as unknown as { __xss?: number; __trapped: string[]; __cspViolations: string[] };
  const found: string[] = [];
  if (w.__xss !== undefined) found.push(`script ran (window.__xss=${w.__xss})`);
  for (const t of w.__trapped ?? []) found.push(`dialog ${t}`);
  for (const v of w.__cspViolations ?? []) if (/script/.test(v)) found.push(`CSP refused a script: ${v}`);
  for (const el of Array.from(document.querySelectorAll('[data-xss]')))
    found.push(`element <${el.tagName.toLowerCase()} data-xss>`);
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`<${el.tagName.toLowerCase()} ${attr.name}>`);
      if (
        /^(href|src|action|formaction|xlink:href)$/i.test(attr.name) &&
        /^\s*(javascript|data:text\/html)/i.test(attr.value)
      )
        found.push(`<${el.tagName.toLowerCase()} ${attr.name}="${attr.value.slice(0, 40)}">`);
    }
  }
  return found;
}
