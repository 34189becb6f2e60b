import { strict as assert } from 'node:assert';
import { isEntityKey } from '@tandem/core';

describe('isEntityKey', () => {
  it('accepts INI-7', () => assert.equal(isEntityKey('INI-7'), true));
  it('rejects MINI-7', () => assert.equal(isEntityKey('MINI-7'), false));
});
