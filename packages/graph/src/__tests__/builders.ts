import { randomUUID } from 'node:crypto';
import type { Initiative, Link, Objective } from '@tandem/core';

/** Builders of valid entities for the tests: each call makes a fresh id; `n` makes the key. */
export function anObjective(n: number, overrides: Partial<Objective> = {}): Objective {
  return {
    id: randomUUID(),
    key: `OBJ-${n}`,
    kind: 'business',
    title: `Objective ${n}`,
    owner: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    status: 'active',
    ...overrides,
  };
}

export function anInitiative(n: number, overrides: Partial<Initiative> = {}): Initiative {
  return {
    id: randomUUID(),
    key: `INI-${n}`,
    title: `Initiative ${n}`,
    objectiveKeys: ['OBJ-1'],
    dependsOn: [],
    itOwner: { email: 'megan@contoso.test', displayName: 'Megan Bowen' },
    businessSponsor: { email: 'adele@contoso.test', displayName: 'Adele Vance' },
    start: '2026-02-01',
    end: '2026-05-31',
    status: 'inProgress',
    percentComplete: 10,
    businessValue: 8,
    timeCriticality: 5,
    riskReduction: 3,
    jobSize: 5,
    reach: 100,
    impact: 2,
    confidence: 80,
    effort: 3,
    ...overrides,
  } as Initiative;
}

export function aLink(targetKey: string, overrides: Partial<Link> = {}): Link {
  return {
    id: randomUUID(),
    kind: 'commit',
    targetKey,
    externalId: 'a'.repeat(40),
    title: 'Fix the roll-up',
    linkedBy: { email: 'megan@contoso.test', displayName: 'Megan Bowen' },
    linkedAt: '2026-03-01T09:30:00Z',
    repository: 'https://example.com/repo',
    sha: 'a'.repeat(40),
    ...overrides,
  };
}
