import assert from 'node:assert/strict';
import { compareNames } from '../people.js';

describe('people in the order people look for them (compareNames)', () => {
  it('sorts by name with accents and case set aside', () => {
    const names = ['zoë Adams', 'Émile Zola', 'adele Vance', 'Emile Aubert', 'Ådne Berg', 'Megan Bowen'];
    assert.deepEqual(names.sort(compareNames), [
      'adele Vance',
      'Ådne Berg',
      'Emile Aubert',
      'Émile Zola',
      'Megan Bowen',
      'zoë Adams',
    ]);
  });

  it('orders names that differ only in accents or case the same way every time', () => {
    assert.ok(compareNames('Emile', 'Émile') !== 0);
    assert.equal(Math.sign(compareNames('Emile', 'Émile')), -Math.sign(compareNames('Émile', 'Emile')));
    assert.equal(compareNames('Adele', 'Adele'), 0);
  });
});
