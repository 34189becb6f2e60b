import { strict as assert } from 'node:assert';
import { glossaryMatcher, glossaryMatches, type GlossaryTerm } from '@tandem/core';
import { build } from '../../checkins/__tests__/portfolioBuilder.js';

const terms: GlossaryTerm[] = [
  build('glossaryTerm', {
    businessTerm: 'Cost of delay',
    technicalTerm: 'WSJF numerator',
    definition: 'What waiting costs.',
  }),
  build('glossaryTerm', { businessTerm: 'Uptime', technicalTerm: 'SLO (availability)', definition: 'Time up.' }),
];

describe('glossaryMatcher', () => {
  it('finds the same terms as glossaryMatches, scan after scan, and knows its longest term', () => {
    const matcher = glossaryMatcher(terms);
    const text = 'The cost of delay rises; uptime and SLO (availability) matter. COST OF DELAY again.';
    for (let i = 0; i < 3; i++) assert.deepEqual(matcher.matches(text), glossaryMatches(text, terms));
    assert.deepEqual(
      matcher.matches(text).map((m) => m.text),
      ['cost of delay', 'uptime', 'SLO (availability)', 'COST OF DELAY'],
    );
    assert.equal(matcher.longest, 'SLO (availability)'.length);
  });

  it('matches nothing with an empty glossary, and whole words only', () => {
    assert.deepEqual(glossaryMatcher([]).matches('uptime'), []);
    assert.equal(glossaryMatcher([]).longest, 0);
    assert.deepEqual(glossaryMatcher(terms).matches('downuptime uptimes'), []);
  });
});
