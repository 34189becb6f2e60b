import * as assert from 'node:assert/strict';
import { demoPortfolio, glossaryMatcher, type GlossaryTerm } from '@tandem/core';
import { deriveInsights } from '../../data/insights.js';
import type { Portfolio } from '../../data/portfolio.js';
import { glossaryCard, glossaryMatchAt, inertMarkdown, matcherFor, termLines } from '../glossaryCard.js';
import { keyCard } from '../keyCard.js';

const now = new Date('2026-11-20T12:00:00Z');
const demo = demoPortfolio(now);
const term = (
  businessTerm: string,
  technicalTerm: string,
  definition: string,
  relatedKeys?: string[],
): GlossaryTerm => ({
  id: `00000000-0000-4000-8000-${String(businessTerm.length).padStart(12, '0')}`,
  businessTerm,
  technicalTerm,
  definition,
  ...(relatedKeys ? { relatedKeys } : {}),
});
const terms = [
  term('Basket abandonment', 'checkout_session_expired', 'A shopper leaves with items in the basket.', ['INI-1']),
  term('Uptime', 'SLO', 'Share of the time the service answers.'),
];

describe('glossary hovers', () => {
  it('find the term under the cursor, phrases included, in any case, as whole words only', () => {
    const matcher = glossaryMatcher(terms);
    const line = '// Cuts basket Abandonment; see the SLO. uptimes are not uptime';
    assert.equal(glossaryMatchAt(line, line.indexOf('basket') + 3, matcher)?.term.businessTerm, 'Basket abandonment');
    assert.equal(glossaryMatchAt(line, line.indexOf('Abandonment') + 10, matcher)?.text, 'basket Abandonment');
    assert.equal(glossaryMatchAt(line, line.indexOf('SLO'), matcher)?.term.businessTerm, 'Uptime');
    assert.equal(glossaryMatchAt(line, line.indexOf('uptimes') + 1, matcher), undefined);
    assert.equal(glossaryMatchAt(line, line.lastIndexOf('uptime') + 5, matcher)?.start, line.lastIndexOf('uptime'));
    assert.equal(glossaryMatchAt(line, 1, matcher), undefined);
  });

  it('match only near the cursor, so a huge line costs a window, and the window edge is no word boundary', () => {
    const matcher = glossaryMatcher(terms);
    const filler = 'x'.repeat(200_000);
    const line = `${filler} uptime ${filler}`;
    const at = filler.length + 3;
    assert.deepEqual(
      [glossaryMatchAt(line, at, matcher)?.start, glossaryMatchAt(line, at, matcher)?.end],
      [filler.length + 1, filler.length + 7],
    );
    // "SLO" at the window's left edge but glued to letters before it in the line: not a term.
    const glued = `${'a'.repeat(50)}SLO`;
    assert.equal(glossaryMatchAt(glued, glued.length - 1, matcher), undefined);
    assert.equal(glossaryMatchAt('uptime', 6, matcher), undefined);
    assert.equal(glossaryMatchAt('uptime', 0, glossaryMatcher([])), undefined);
  });

  it('reuse one matcher per glossary', () => {
    assert.equal(matcherFor(terms), matcherFor(terms));
    assert.notEqual(matcherFor(terms), matcherFor([...terms]));
  });

  it('show both names, the definition and related keys', () => {
    const card = glossaryCard(terms[0]!);
    assert.match(card, /^\*\*Basket abandonment\*\* · checkout\\_session\\_expired/);
    assert.match(card, /A shopper leaves with items in the basket\\\./);
    assert.match(card, /Related: INI\\-1/);
  });

  it('render hostile glossary text inert: no HTML, no command or javascript links, no autolinks', () => {
    const hostile = term(
      '<img src=x onerror=alert(1)>',
      '[x](command:workbench.action.terminal.new)',
      'See [here](javascript:alert(1)) or https://evil.example/ and www.evil.example\n# Heading\n<script>alert(1)</script>',
    );
    const card = glossaryCard(hostile);
    assert.ok(!/<[a-z]/i.test(card.replace(/\\</g, '')), card);
    assert.ok(!card.includes('](command:'), card);
    assert.ok(!card.includes('](javascript:'), card);
    assert.ok(!card.includes('https://'), card);
    assert.ok(!/(^|\n)#/.test(card), card);
    assert.equal(inertMarkdown('a:b'), 'a\\:b');
  });

  it('list the terms of an initiative in its key card, escaped, and those that name it as related', () => {
    const portfolio: Portfolio = {
      objectives: demo.objective,
      keyResults: demo.keyResult,
      initiatives: demo.initiative.map((i) =>
        i.key === 'INI-2' ? { ...i, description: 'Raise uptime of the shop. <img src=x onerror=alert(1)>' } : i,
      ),
      kpis: demo.kpi,
      measurements: demo.kpiMeasurement,
      checkIns: demo.checkIn,
      links: demo.link,
      glossaryTerms: [...terms, term('Hostile', 'x', '[x](command:workbench.action.terminal.new)', ['INI-2'])],
      loadedAt: now.toISOString(),
    };
    const card = keyCard('INI-2', portfolio, deriveInsights(portfolio, now))!;
    const section = card.slice(card.indexOf('**Terms**'));
    assert.match(section, /- \*\*Uptime\*\* \(SLO\): Share of the time the service answers\\\./);
    assert.match(section, /- \*\*Hostile\*\* \(x\): \\\[x\\\]\\\(command\\:workbench/);
    assert.ok(!card.includes('](command:workbench'), card);
    // The card's own command links are still there, after the terms.
    assert.match(card, /\[Open in Teams\]\(command:tandem\.openInTeams/);
    assert.equal(keyCard('KPI-1', portfolio, deriveInsights(portfolio, now))!.includes('**Terms**'), false);
    assert.deepEqual(termLines('OBJ-1', 'nothing here', terms), []);
  });
});
