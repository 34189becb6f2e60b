import type { Decision, Initiative, Link, Objective, PersonRef } from '@tandem/core';

/** A person for tests. */
export function aPerson(name = 'Ada Lovelace'): PersonRef {
  return { displayName: name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@contoso.example` };
}

/** A valid objective, changed by `overrides`. */
export function anObjective(overrides: Partial<Objective> = {}): Objective {
  return {
    id: crypto.randomUUID(),
    key: 'OBJ-1',
    kind: 'business',
    title: 'Grow online sales',
    owner: aPerson(),
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    status: 'active',
    ...overrides,
  };
}

/** A valid initiative, changed by `overrides`. */
export function anInitiative(overrides: Partial<Initiative> = {}): Initiative {
  return {
    id: crypto.randomUUID(),
    key: 'INI-1',
    title: 'New checkout',
    objectiveKeys: ['OBJ-1'],
    dependsOn: [],
    itOwner: aPerson('Grace Hopper'),
    businessSponsor: aPerson('Ada Lovelace'),
    start: '2026-02-01',
    end: '2026-06-30',
    status: 'inProgress',
    percentComplete: 40,
    businessValue: 8,
    timeCriticality: 5,
    riskReduction: 3,
    jobSize: 5,
    reach: 1000,
    impact: 1,
    confidence: 80,
    effort: 3,
    ...overrides,
  };
}

/** A valid decision, changed by `overrides`. */
export function aDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: crypto.randomUUID(),
    key: 'DEC-1',
    title: 'Adopt a single sign-on provider',
    context: 'Three identity systems today.',
    decision: 'Move every app to one provider.',
    status: 'proposed',
    businessApprover: aPerson('Ada Lovelace'),
    itApprover: aPerson('Grace Hopper'),
    votes: [],
    relatedKeys: ['OBJ-1'],
    ...overrides,
  };
}

/** A valid link, changed by `overrides`. */
export function aLink(overrides: Partial<Link> = {}): Link {
  return {
    id: crypto.randomUUID(),
    kind: 'commit',
    targetKey: 'OBJ-1',
    externalId: '0123456789abcdef0123456789abcdef01234567',
    title: 'Add the payment step',
    linkedBy: aPerson('Grace Hopper'),
    linkedAt: '2026-03-01T10:00:00Z',
    ...overrides,
  };
}
