import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { similarityWords, suggestInitiatives, type SuggestionEvidence } from '@tandem/core';

const initiatives: SuggestionEvidence['initiatives'] = [
  { key: 'INI-1', title: 'Checkout redesign', description: 'A faster checkout with fewer steps', status: 'inProgress' },
  { key: 'INI-2', title: 'Data warehouse migration', status: 'planned' },
  { key: 'INI-3', title: 'Customer self-service portal', status: 'inProgress' },
  { key: 'INI-7', title: 'Payment provider switch', status: 'inProgress' },
  { key: 'INI-9', title: 'Legacy CRM retirement', status: 'done' },
];

const keys = (s: { key: string }[]) => s.map((x) => x.key);

describe('suggestInitiatives', () => {
  it('puts a bracketed key first, above every other kind of evidence', () => {
    const result = suggestInitiatives(
      { subject: 'Re: [INI-7] checkout redesign numbers', preview: 'The checkout redesign is late' },
      { initiatives, conversationKeys: ['INI-1'], senderKeys: ['INI-1', 'INI-1', 'INI-1'] },
    );
    assert.equal(result[0]?.key, 'INI-7');
    assert.deepEqual(result[0]?.reasons[0], { kind: 'explicitKey', bracketed: true });
    assert.equal(result[1]?.key, 'INI-1');
  });

  it('ranks a key mentioned in the preview above conversation tags, but below a bracketed key', () => {
    const result = suggestInitiatives(
      { subject: '[INI-2] warehouse cut-over', preview: 'This also touches INI-3, see the plan.' },
      { initiatives, conversationKeys: ['INI-1'] },
    );
    assert.deepEqual(keys(result).slice(0, 3), ['INI-2', 'INI-3', 'INI-1']);
    assert.deepEqual(result[1]?.reasons[0], { kind: 'explicitKey', bracketed: false });
  });

  it('ignores keys of other kinds and keys that are not in the portfolio', () => {
    const result = suggestInitiatives({ subject: '[OBJ-2] [INI-42] budget' }, { initiatives });
    assert.deepEqual(result, []);
  });

  it('ranks tags on the same conversation above the sender history and the wording', () => {
    const result = suggestInitiatives(
      { subject: 'Payment provider shortlist' },
      { initiatives, conversationKeys: ['INI-3'], senderKeys: ['INI-2', 'INI-2'] },
    );
    assert.deepEqual(keys(result), ['INI-3', 'INI-2', 'INI-7']);
  });

  it("orders by what the sender's mail was tagged with, the most frequent first", () => {
    const result = suggestInitiatives(
      { subject: 'Quick question' },
      { initiatives, senderKeys: ['INI-3', 'INI-1', 'INI-3', 'INI-3'] },
    );
    assert.deepEqual(keys(result), ['INI-3', 'INI-1']);
    assert.deepEqual(result[0]?.reasons, [{ kind: 'sender', count: 3 }]);
  });

  it('matches title words (plural or not, any case) and description words', () => {
    const result = suggestInitiatives(
      { subject: 'Numbers for the DATA WAREHOUSES', preview: 'fewer steps please' },
      { initiatives },
    );
    assert.deepEqual(keys(result), ['INI-2', 'INI-1']);
    assert.deepEqual(result[0]?.reasons, [{ kind: 'text', words: ['data', 'warehouse'] }]);
    assert.deepEqual(result[1]?.reasons, [{ kind: 'text', words: ['fewer', 'step'] }]);
  });

  it('leaves out noise: a single stray description word is not a suggestion', () => {
    assert.deepEqual(suggestInitiatives({ subject: 'fewer' }, { initiatives }), []);
  });

  it('counts glossary terms found in the text for the initiatives they relate to', () => {
    const result = suggestInitiatives(
      { subject: 'Status of the single source of truth' },
      {
        initiatives,
        glossary: [
          {
            businessTerm: 'Single source of truth',
            technicalTerm: 'Enterprise data warehouse',
            relatedKeys: ['INI-2'],
          },
          { businessTerm: 'Churn', technicalTerm: 'Attrition', relatedKeys: ['INI-3'] },
        ],
      },
    );
    assert.deepEqual(keys(result), ['INI-2']);
    assert.deepEqual(result[0]?.reasons, [{ kind: 'glossary', terms: ['Single source of truth'] }]);
  });

  it('leaves out done and cancelled initiatives unless their key is written', () => {
    assert.deepEqual(keys(suggestInitiatives({ subject: 'Legacy CRM retirement' }, { initiatives })), []);
    assert.deepEqual(keys(suggestInitiatives({ subject: 'Legacy CRM retirement INI-9' }, { initiatives })), ['INI-9']);
  });

  it('stops at the limit and breaks ties by key number', () => {
    const result = suggestInitiatives(
      { subject: 'hello' },
      { initiatives, conversationKeys: ['INI-7', 'INI-3', 'INI-1'], limit: 2 },
    );
    assert.deepEqual(keys(result), ['INI-1', 'INI-3']);
  });

  it('is deterministic and always puts a bracketed initiative key first (property)', () => {
    const word = fc.constantFrom(
      'checkout',
      'payment',
      'warehouse',
      'portal',
      'data',
      'status',
      '<b>',
      '&amp;',
      'INI-3',
    );
    fc.assert(
      fc.property(
        fc.constantFrom('INI-1', 'INI-2', 'INI-3', 'INI-7'),
        fc.array(word, { maxLength: 12 }),
        fc.array(fc.constantFrom('INI-1', 'INI-2', 'INI-3', 'INI-7'), { maxLength: 6 }),
        fc.array(fc.constantFrom('INI-1', 'INI-2', 'INI-3', 'INI-7'), { maxLength: 6 }),
        (key, words, conversationKeys, senderKeys) => {
          const subject = `[${key}] ${words.join(' ')}`;
          const evidence = { initiatives, conversationKeys, senderKeys };
          const first = suggestInitiatives({ subject }, evidence);
          assert.equal(first[0]?.key, key);
          assert.deepEqual(suggestInitiatives({ subject }, evidence), first);
          for (let i = 1; i < first.length; i++) assert.ok(first[i - 1]!.score >= first[i]!.score);
        },
      ),
    );
  });
});

describe('similarityWords', () => {
  it('keeps meaningful words only', () => {
    assert.deepEqual(similarityWords('Re: The Payments for Q3 — 2026 <b>portal</b>'), ['payment', 'portal']);
  });
});
