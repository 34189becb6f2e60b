import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  ENTITY_KINDS,
  KEYED_KINDS,
  checkDependencies,
  demoPortfolio,
  impactSummary,
  initiativeHealth,
  kpiAttainment,
  layoutRoadmap,
  objectiveProgressAll,
  rankPortfolio,
  slaAttainment,
  validateEntity,
  type DemoPortfolio,
} from '@tandem/core';

const now = new Date('2026-11-28T12:00:00Z');

function allKeys(demo: DemoPortfolio): Set<string> {
  const keys = new Set<string>();
  for (const kind of KEYED_KINDS) for (const e of demo[kind]) keys.add((e as { key: string }).key);
  return keys;
}

function checkPortfolio(demo: DemoPortfolio, at: Date) {
  // Valid against the schemas, ids unique across everything, keys unique per kind.
  const ids = new Set<string>();
  for (const kind of ENTITY_KINDS) {
    for (const value of demo[kind]) {
      assert.deepEqual(validateEntity(kind, value), value);
      assert.ok(!ids.has(value.id), `duplicate id ${value.id}`);
      ids.add(value.id);
    }
  }
  for (const kind of KEYED_KINDS) {
    const keys = demo[kind].map((e) => (e as { key: string }).key);
    assert.equal(new Set(keys).size, keys.length, kind);
  }
  // Every reference resolves.
  const keys = allKeys(demo);
  const refs = [
    ...demo.objective.flatMap((o) => (o.parentKey ? [o.parentKey] : [])),
    ...demo.keyResult.map((k) => k.objectiveKey),
    ...demo.initiative.flatMap((i) => [...i.objectiveKeys, ...i.dependsOn]),
    ...demo.kpi.map((k) => k.objectiveKey),
    ...demo.kpiMeasurement.map((m) => m.kpiKey),
    ...demo.slaRecord.map((r) => r.serviceKey),
    ...demo.decision.flatMap((d) => d.relatedKeys),
    ...demo.checkIn.map((c) => c.targetKey),
    ...demo.feedback.map((f) => f.targetKey),
    ...demo.idea.flatMap((i) => (i.promotedInitiativeKey ? [i.promotedInitiativeKey] : [])),
    ...demo.glossaryTerm.flatMap((g) => g.relatedKeys ?? []),
    ...demo.link.map((l) => l.targetKey),
  ];
  for (const ref of refs) assert.ok(keys.has(ref), `dangling reference ${ref}`);
  // Nothing recorded lies in the future.
  const limit = at.toISOString();
  for (const stamp of [
    ...demo.checkIn.map((c) => c.at),
    ...demo.feedback.map((f) => f.at),
    ...demo.idea.map((i) => i.createdAt),
    ...demo.link.flatMap((l) => [l.linkedAt, l.occurredAt ?? l.linkedAt]),
    ...demo.decision.flatMap((d) => d.votes.map((v) => v.at)),
  ]) {
    assert.ok(stamp <= limit, `${stamp} is after ${limit}`);
  }
  for (const m of demo.kpiMeasurement) assert.ok(m.measuredOn <= limit.slice(0, 10));
  for (const r of demo.slaRecord) assert.ok(r.periodEnd < limit.slice(0, 10));
  // No dependency cycles or missing dependencies.
  assert.deepEqual(
    checkDependencies(demo.initiative).filter((i) => i.kind === 'cycle' || i.kind === 'missing'),
    [],
  );
}

describe('demoPortfolio', () => {
  const demo = demoPortfolio(now);

  it('has the promised size and cast', () => {
    assert.ok(demo.objective.length >= 6);
    assert.deepEqual([...new Set(demo.objective.map((o) => o.kind))].sort(), ['business', 'it']);
    assert.ok(
      demo.objective.every((o) => o.status === 'proposed' || demo.keyResult.some((k) => k.objectiveKey === o.key)),
    );
    assert.equal(demo.initiative.length, 20);
    assert.equal(demo.service.length, 5);
    assert.equal(demo.people.length, 8);
    assert.ok(demo.people.every((p) => p.email.endsWith('@contoso.test')));
    assert.ok(
      demo.people.some((p) => p.email === 'adele@contoso.test') &&
        demo.people.some((p) => p.email === 'megan@contoso.test'),
    );
    for (const kpi of demo.kpi)
      assert.equal(demo.kpiMeasurement.filter((m) => m.kpiKey === kpi.key).length, 12, kpi.key);
    for (const svc of demo.service)
      assert.equal(demo.slaRecord.filter((r) => r.serviceKey === svc.key).length, 12, svc.key);
    for (const kind of ['decision', 'checkIn', 'feedback', 'idea', 'glossaryTerm'] as const)
      assert.ok(demo[kind].length >= 5, kind);
    const linkKinds = new Set(demo.link.map((l) => l.kind));
    for (const kind of ['commit', 'pullRequest', 'meeting', 'email', 'workItem', 'document'] as const)
      assert.ok(linkKinds.has(kind), kind);
    assert.deepEqual([...new Set(demo.initiative.map((i) => i.status))].sort(), [
      'cancelled',
      'done',
      'inProgress',
      'planned',
      'proposed',
    ]);
  });

  it('is valid, consistent and dated no later than now', () => checkPortfolio(demo, now));

  it('is deterministic', () => assert.deepEqual(demoPortfolio(now), demo));

  it('stays valid for any now (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T23:59:59Z'), noInvalidDate: true }),
        (at) => checkPortfolio(demoPortfolio(at), at),
      ),
      { numRuns: 25 },
    );
  });

  it('gives every alignment rule something to show', () => {
    const ranked = rankPortfolio(demo.initiative);
    assert.ok(ranked.length >= 10);
    const health = new Set(demo.initiative.map((i) => initiativeHealth(i, { now, checkIns: demo.checkIn }).status));
    assert.deepEqual([...health].sort(), ['atRisk', 'offTrack', 'onTrack']);
    const progress = objectiveProgressAll({ objectives: demo.objective, keyResults: demo.keyResult });
    assert.ok(progress.size >= 8);
    const attainment = demo.kpi.map((k) => kpiAttainment(k, demo.kpiMeasurement).attainment);
    assert.ok(attainment.every((a) => a > 0));
    const sla = demo.service.map((s) => slaAttainment(s, demo.slaRecord).attainment);
    assert.ok(sla.some((a) => a < 1) && sla.every((a) => a > 0.5));
    assert.ok(layoutRoadmap(demo.initiative, demo.objective).lanes.some((l) => l.rows > 1));
    assert.ok(checkDependencies(demo.initiative).some((i) => i.kind === 'ordering'));
    const impact = impactSummary(
      'OBJ-1',
      { start: '2026-01-01', end: '2026-11-28' },
      {
        initiatives: demo.initiative,
        keyResults: demo.keyResult,
        links: demo.link,
        kpis: demo.kpi,
        measurements: demo.kpiMeasurement,
      },
    );
    assert.ok(impact.linksByKind.commit > 0 && impact.linksByKind.meeting > 0);
    assert.ok(impact.initiativesCompleted.includes('INI-19'));
    assert.ok(impact.kpiChanges.some((c) => c.kpiKey === 'KPI-1' && c.improved));
  });
});
