import { strict as assert } from 'node:assert';
import { demoPortfolio, glossaryMatches, knowledgeSessions } from '@tandem/core';
import { build } from './portfolioBuilder.js';

describe('knowledge sessions and glossary', () => {
  it('lists the learning meetings of an objective, its key results and initiatives, newest first', () => {
    const demo = demoPortfolio(new Date('2026-06-15T12:00:00Z'));
    const sessions = knowledgeSessions(demo, 'OBJ-1');
    assert.deepEqual(
      sessions.map((s) => s.title),
      ['Lunch and learn: how WSJF ranks our portfolio'],
    );
    assert.ok(sessions.every((s) => s.kind === 'meeting' && s.learning));
  });

  it('finds business and technical terms as whole words, longest first', () => {
    const terms = [
      build('glossaryTerm', { businessTerm: 'Basket abandonment', technicalTerm: 'checkout_session_expired' }),
      build('glossaryTerm', { businessTerm: 'Basket', technicalTerm: 'cart' }),
    ];
    const found = glossaryMatches('Basket abandonment rose; see CART and checkout_session_expired, not carts.', terms);
    assert.deepEqual(
      found.map((m) => [m.text, m.term.businessTerm]),
      [
        ['Basket abandonment', 'Basket abandonment'],
        ['CART', 'Basket'],
        ['checkout_session_expired', 'Basket abandonment'],
      ],
    );
  });
});
