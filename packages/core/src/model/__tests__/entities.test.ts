import { strict as assert } from 'node:assert';
import { ENTITY_KINDS, ValidationError, entityShape, validateEntity, type EntityKind } from '@tandem/core';
import { samples } from './samples.js';

/** Validates `value` as `kind`, expecting failure, and returns the issues. */
function issuesOf(kind: EntityKind, value: unknown) {
  try {
    validateEntity(kind, value);
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    assert.equal(error.code, 'validation');
    return error.issues;
  }
  assert.fail(`${kind} should have been rejected`);
}

/** Expects `kind` with `field` set to `bad` to be rejected with an issue on `path` (default: field). */
function rejects(kind: EntityKind, field: string, bad: unknown, path = field) {
  const value: Record<string, unknown> = { ...samples()[kind] };
  if (bad === undefined) delete value[field];
  else value[field] = bad;
  const issues = issuesOf(kind, value);
  assert.ok(
    issues.some((i) => i.path === path),
    `${kind}.${field} = ${JSON.stringify(bad)}: expected an issue on ${path}, got ${JSON.stringify(issues)}`,
  );
}

describe('entity schemas', () => {
  it('accepts a valid value of every kind and returns it typed', () => {
    const all = samples();
    for (const kind of ENTITY_KINDS) assert.deepEqual(validateEntity(kind, all[kind]), all[kind], kind);
  });

  it('drops unknown fields', () => {
    const value = { ...samples().objective, surprise: 1 };
    assert.equal('surprise' in validateEntity('objective', value), false);
  });

  it('rejects something that is not an object', () => {
    for (const kind of ENTITY_KINDS) {
      for (const bad of [null, 42, 'INI-1', []]) assert.ok(issuesOf(kind, bad).length > 0);
    }
  });

  it('rejects a missing or malformed id on every kind, naming id', () => {
    for (const kind of ENTITY_KINDS) {
      rejects(kind, 'id', undefined);
      rejects(kind, 'id', 'not-a-uuid');
      rejects(kind, 'id', 12);
    }
  });

  it('says a missing field is required', () => {
    const issues = issuesOf('objective', { ...samples().objective, title: undefined });
    assert.deepEqual(issues, [{ path: 'title', message: 'is required' }]);
  });

  it('puts the field in the error message', () => {
    assert.throws(
      () => validateEntity('feedback', { ...samples().feedback, score: 9 }),
      /feedback: score: must be from 1 to 5/,
    );
  });

  describe('malformed keys', () => {
    const cases: [EntityKind, string, unknown][] = [
      ['objective', 'key', 'INI-1'],
      ['objective', 'key', 'OBJ-01'],
      ['objective', 'key', 'obj-1'],
      ['objective', 'key', 'OBJ-1a'],
      ['objective', 'parentKey', 'KR-1'],
      ['keyResult', 'key', 'KR-0'],
      ['keyResult', 'objectiveKey', 'OBJ'],
      ['initiative', 'key', 'MINI-7'],
      ['kpi', 'objectiveKey', 'KPI-1'],
      ['kpiMeasurement', 'kpiKey', 'KPI-'],
      ['service', 'key', 'SVC 1'],
      ['slaRecord', 'serviceKey', 'INI-1'],
      ['decision', 'key', 'DEC--1'],
      ['checkIn', 'targetKey', 'ABC-1'],
      ['feedback', 'targetKey', ''],
      ['idea', 'key', 'IDEA-1.5'],
      ['link', 'targetKey', 'INI-1 '],
    ];
    for (const [kind, field, bad] of cases)
      it(`${kind}.${field} = ${JSON.stringify(bad)}`, () => rejects(kind, field, bad));
    it('keys inside lists name the item', () => {
      rejects('initiative', 'objectiveKeys', ['OBJ-1', 'OBJ-x'], 'objectiveKeys.1');
      rejects('initiative', 'dependsOn', ['OBJ-1'], 'dependsOn.0');
      rejects('decision', 'relatedKeys', ['nope'], 'relatedKeys.0');
    });
  });

  describe('out-of-range scores and numbers', () => {
    const cases: [EntityKind, string, unknown][] = [
      ['initiative', 'businessValue', 0],
      ['initiative', 'businessValue', 21],
      ['initiative', 'timeCriticality', 2.5],
      ['initiative', 'riskReduction', -1],
      ['initiative', 'jobSize', 0],
      ['initiative', 'reach', -5],
      ['initiative', 'impact', 1.5],
      ['initiative', 'confidence', 101],
      ['initiative', 'effort', 0],
      ['initiative', 'percentComplete', 120],
      ['feedback', 'score', 0],
      ['feedback', 'score', 6],
      ['feedback', 'score', 3.5],
      ['keyResult', 'weight', 0],
      ['keyResult', 'currentValue', Number.NaN],
      ['keyResult', 'targetValue', Number.POSITIVE_INFINITY],
      ['service', 'availabilityTarget', 100.1],
      ['service', 'availabilityTarget', 0],
      ['service', 'responseTimeTargetMs', -1],
      ['slaRecord', 'downtimeMinutes', -3],
      ['slaRecord', 'incidents', 1.2],
      ['checkIn', 'progress', -1],
    ];
    for (const [kind, field, bad] of cases) it(`${kind}.${field} = ${String(bad)}`, () => rejects(kind, field, bad));
  });

  describe('wrong types', () => {
    const cases: [EntityKind, string, unknown][] = [
      ['objective', 'title', 7],
      ['objective', 'title', '   '],
      ['objective', 'kind', 'marketing'],
      ['objective', 'owner', 'adele@contoso.test'],
      ['keyResult', 'direction', 'up'],
      ['keyResult', 'startValue', '1'],
      ['initiative', 'objectiveKeys', 'OBJ-1'],
      ['initiative', 'status', 'started'],
      ['initiative', 'start', '2026-02-30'],
      ['initiative', 'end', '31/05/2026'],
      ['kpi', 'direction', 'up'],
      ['kpiMeasurement', 'value', null],
      ['decision', 'votes', {}],
      ['decision', 'meetingUrl', 'javascript:alert(1)'],
      ['checkIn', 'at', '2026-03-06'],
      ['checkIn', 'status', 'green'],
      ['idea', 'voterEmails', ['not an email']],
      ['glossaryTerm', 'definition', 5],
      ['link', 'kind', 'tweet'],
      ['link', 'sha', 'abc'],
      ['link', 'url', 'not a url'],
    ];
    for (const [kind, field, bad] of cases) {
      it(`${kind}.${field} = ${JSON.stringify(bad)}`, () =>
        rejects(kind, field, bad, Array.isArray(bad) && field === 'voterEmails' ? 'voterEmails.0' : field));
    }
    it('names nested fields with a dotted path', () => {
      rejects('objective', 'owner', { email: 'nope', displayName: 'Adele' }, 'owner.email');
      rejects(
        'decision',
        'votes',
        [{ voter: { email: 'a@contoso.test', displayName: 'A' }, vote: 'maybe', at: '2026-01-01T00:00:00Z' }],
        'votes.0.vote',
      );
    });
  });

  describe('cross-field rules', () => {
    it('an end before its start is refused on the end field', () => {
      rejects('initiative', 'end', '2026-01-01');
      rejects('objective', 'periodEnd', '2025-12-31');
      rejects('slaRecord', 'periodEnd', '2025-12-01');
    });
    it('an initiative cannot depend on itself', () => rejects('initiative', 'dependsOn', ['INI-1']));
    it('an objective cannot be its own parent', () => rejects('objective', 'parentKey', 'OBJ-1'));
    it('a promoted idea names its initiative', () => rejects('idea', 'status', 'promoted', 'promotedInitiativeKey'));
    it('one person votes once for an idea', () =>
      rejects('idea', 'voterEmails', ['megan@contoso.test', 'MEGAN@contoso.test'], 'voterEmails.1'));
  });

  it('lists the fields of every kind, refinements peeled off', () => {
    assert.ok(Object.keys(entityShape('initiative')).includes('businessValue'));
    assert.ok(Object.keys(entityShape('idea')).includes('voterEmails'));
    for (const kind of ENTITY_KINDS) {
      const fields = Object.keys(entityShape(kind));
      assert.ok(fields.includes('id'), kind);
      for (const field of Object.keys(samples()[kind])) assert.ok(fields.includes(field), `${kind}.${field}`);
    }
  });

  it('refuses an unknown kind', () => {
    assert.throws(() => validateEntity('spaceship' as EntityKind, {}), ValidationError);
  });
});
