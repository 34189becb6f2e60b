import assert from 'node:assert/strict';
import { idSchema } from '@tandem/core';
import { linkIdOf } from '../linkId.js';

describe('linkIdOf', () => {
  it('is a valid UUID, the same for the same pair, different for another', () => {
    const a = linkIdOf('INI-7', '<m1@contoso.test>');
    assert.ok(idSchema.safeParse(a).success, a);
    assert.equal(linkIdOf('INI-7', '<m1@contoso.test>'), a);
    assert.notEqual(linkIdOf('INI-8', '<m1@contoso.test>'), a);
    assert.notEqual(linkIdOf('INI-7', '<m2@contoso.test>'), a);
  });
});
