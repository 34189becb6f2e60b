import * as assert from 'node:assert/strict';
import { demoPortfolio } from '@tandem/core';
import { deriveInsights } from '../../data/insights.js';
import type { Portfolio } from '../../data/portfolio.js';
import { goalsTree } from '../goalsTree.js';
import { myWorkTree } from '../myWorkTree.js';
import { thisBranchTree } from '../thisBranchTree.js';

const now = new Date('2026-11-20T12:00:00Z');
const demo = demoPortfolio(now);
const portfolio: Portfolio = {
  objectives: demo.objective,
  keyResults: demo.keyResult,
  initiatives: demo.initiative,
  kpis: demo.kpi,
  measurements: demo.kpiMeasurement,
  checkIns: demo.checkIn,
  links: demo.link,
  glossaryTerms: demo.glossaryTerm,
  loadedAt: now.toISOString(),
};
const insights = deriveInsights(portfolio, now);
const megan = { email: 'megan@contoso.test', displayName: 'Megan Bowen' };

describe('tree views', () => {
  it('Goals: top-level objectives, children beneath, key results and initiatives with health', () => {
    const roots = goalsTree(portfolio, insights);
    assert.deepEqual(
      roots.map((r) => r.key),
      ['OBJ-1', 'OBJ-2', 'OBJ-3', 'OBJ-4', 'OBJ-5', 'OBJ-9'],
    );
    const obj1 = roots[0]!;
    assert.equal(obj1.children![0]!.key, 'OBJ-7');
    assert.ok(obj1.children!.some((c) => c.kind === 'keyResult' && c.key === 'KR-1'));
    assert.ok(obj1.children!.filter((c) => c.kind === 'initiative').every((c) => c.health));
  });

  it('Goals, mine only: what Megan owns or works on', () => {
    const roots = goalsTree(portfolio, insights, { mineOnly: true, me: megan }).map((r) => r.key);
    assert.deepEqual(roots, ['OBJ-1', 'OBJ-2', 'OBJ-3', 'OBJ-4']);
  });

  it('Goals survives a parent cycle in bad data', () => {
    const bad = structuredClone(portfolio);
    bad.objectives.find((o) => o.key === 'OBJ-1')!.parentKey = 'OBJ-7';
    assert.doesNotThrow(() => goalsTree(bad, deriveInsights(bad, now)));
  });

  it('My Work: owned, sponsored or committed, by WSJF rank', () => {
    const rows = myWorkTree(portfolio, insights, megan, ['INI-14']);
    const keys = rows.map((r) => r.key);
    assert.ok(keys.includes('INI-1') && keys.includes('INI-14'));
    assert.ok(!keys.includes('INI-13'));
    assert.match(rows.find((r) => r.key === 'INI-14')!.description!, /committed/);
  });

  it('This Branch: the initiative, its objectives and linked commits; a reason when empty', () => {
    const [row] = thisBranchTree(portfolio, insights, { name: 'ini-1/checkout', keys: ['INI-1'] });
    assert.equal(row!.key, 'INI-1');
    assert.ok(row!.children!.some((c) => c.kind === 'commit' && c.url?.startsWith('https://github.com/')));
    assert.match(thisBranchTree(portfolio, insights, { name: undefined, keys: [] })[0]!.label, /Detached HEAD/);
    assert.match(thisBranchTree(portfolio, insights, { name: 'main', keys: [] })[0]!.label, /names no initiative/);
    assert.match(thisBranchTree(portfolio, insights, undefined)[0]!.label, /No git repository/);
  });
});
