import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ImpactReport, ObjectiveImpact } from '../impactReport.types.js';
import { renderReportHtml } from '../renderReportHtml.js';
import { renderReportMarkdown } from '../renderReportMarkdown.js';

const hostile = '<script>alert(1)</script> | *bold* [x](javascript:alert(1)) "q" \'s\' & more';

function objective(overrides: Partial<ObjectiveImpact> = {}): ObjectiveImpact {
  return {
    key: 'OBJ-1',
    title: 'Grow online revenue',
    kind: 'business',
    status: 'active',
    owner: 'Ada Lovelace',
    progress: 62.5,
    keyResults: [
      { key: 'KR-1', title: 'Conversion', unit: '%', startValue: 2, targetValue: 4, currentValue: 3, progress: 50 },
      {
        key: 'KR-2',
        title: 'Basket size',
        unit: 'EUR',
        startValue: 40,
        targetValue: 50,
        currentValue: 47.5,
        progress: 75,
      },
    ],
    initiativesDone: [{ key: 'INI-1', title: 'New checkout', percentComplete: 100 }],
    initiativesInProgress: [{ key: 'INI-2', title: 'Recommendations', percentComplete: 40 }],
    links: { commits: 12, pullRequests: 3, meetings: 2, emails: 5, other: 0 },
    kpis: [
      {
        key: 'KPI-1',
        name: 'Online revenue',
        unit: 'kEUR',
        direction: 'higherIsBetter',
        baseline: 100,
        target: 150,
        from: { on: '2026-01-01', value: 110 },
        to: { on: '2026-03-01', value: 131.25 },
        change: 21.25,
        attainment: 62.5,
        series: [
          { on: '2026-01-01', value: 110 },
          { on: '2026-02-01', value: 120 },
          { on: '2026-03-01', value: 131.25 },
        ],
      },
    ],
    ...overrides,
  };
}

function report(overrides: Partial<ImpactReport> = {}): ImpactReport {
  return {
    generatedAt: '2026-03-15T09:00:00.000Z',
    since: '2026-01-01',
    objectives: [objective()],
    services: [
      {
        key: 'SVC-1',
        name: 'Web shop',
        availabilityTarget: 99.9,
        availability: 99.95,
        responseTimeTargetMs: 300,
        attainment: 66.7,
        periods: 3,
        incidents: 2,
      },
    ],
    ...overrides,
  };
}

describe('renderReportMarkdown', () => {
  it('prints each objective’s figures', () => {
    const text = renderReportMarkdown(report());
    assert.match(text, /^# Tandem impact report/);
    assert.match(text, /since 2026-01-01/);
    assert.match(text, /\| OBJ-1 Grow online revenue \| business \| 63% \| 1 \| 1 \| 12 \| 2 \| 5 \|/);
    assert.match(text, /\| KR-1 Conversion \| 2% \| 3% \| 4% \| 50% \|/);
    assert.match(text, /\| KR-2 Basket size \| 40 EUR \| 47\.5 EUR \| 50 EUR \| 75% \|/);
    assert.match(text, /- Done: INI-1 New checkout/);
    assert.match(text, /- In progress: INI-2 Recommendations \(40%\)/);
    assert.match(text, /12 commits, 3 pull requests, 2 meetings, 5 emails/);
    assert.match(
      text,
      /\| KPI-1 Online revenue \| 110 kEUR \(2026-01-01\) \| 131\.25 kEUR \(2026-03-01\) \| \+21\.25 \| 150 kEUR \| 63% \|/,
    );
    assert.match(text, /\| SVC-1 Web shop \| 99\.95% \| 99\.9% · 300 ms \| 67% of 3 \| 2 \|/);
  });

  it('escapes titles so they can neither format the report nor carry HTML', () => {
    const text = renderReportMarkdown(report({ objectives: [objective({ title: hostile })] }));
    assert.ok(!text.includes('<script>'));
    assert.ok(text.includes('&lt;script&gt;'));
    assert.ok(text.includes('\\*bold\\*'));
    assert.ok(text.includes('\\[x\\](javascript:alert(1))'));
    // The pipe is escaped, so the summary row keeps its eight cells.
    const row = text.split('\n').find((l) => l.startsWith('| OBJ-1'))!;
    assert.equal(row.split(/(?<!\\)\|/).length - 2, 8);
  });
});

describe('renderReportHtml', () => {
  it('is one self-contained page with SVG charts and no script at all, under a strict CSP', () => {
    const html = renderReportHtml(report());
    assert.ok(!/<script/i.test(html));
    assert.ok(!/\son[a-z]+=/i.test(html), 'no event-handler attributes');
    assert.ok(!/\b(src|href)="(?!#)/i.test(html), 'nothing loaded from anywhere');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.ok(csp);
    assert.match(csp, /default-src 'none'/);
    assert.ok(!csp.includes('unsafe-inline'));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    assert.ok(csp.includes(`'sha256-${hash}'`), 'the one style sheet is allowed by its hash');
    assert.ok(!/\sstyle="/.test(html), 'no inline style attributes, which the CSP would block');
    assert.equal((html.match(/<svg /g) ?? []).length, 3, 'key results, the KPI and the services');
    assert.match(html, /<polyline points="[^"]+"/);
  });

  it('shows the same figures as the Markdown report', () => {
    const html = renderReportHtml(report());
    for (const figure of [
      '63%',
      '47.5 EUR',
      '12</td>',
      '131.25 kEUR',
      '(+21.25)',
      '99.95%',
      '67% of 3',
      'INI-2 Recommendations (40%)',
    ])
      assert.ok(html.includes(figure), figure);
  });

  it('escapes every text from the data', () => {
    const html = renderReportHtml(
      report({
        objectives: [objective({ title: hostile, owner: hostile, key: 'OBJ-1' })],
        services: [],
      }),
    );
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('&quot;q&quot; &#39;s&#39; &amp; more'));
  });
});
