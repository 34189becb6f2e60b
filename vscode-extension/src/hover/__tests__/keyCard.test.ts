import * as assert from 'node:assert/strict';
import { demoPortfolio } from '@tandem/core';
import { deriveInsights } from '../../data/insights.js';
import type { Portfolio } from '../../data/portfolio.js';
import { escapeMarkdown } from '../escapeMarkdown.js';
import { commandLink, keyCard } from '../keyCard.js';

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

describe('keyCard', () => {
  it('shows an initiative’s title, objective, health, owner, WSJF rank, KPI trend and command links', () => {
    const card = keyCard('INI-1', portfolio, insights)!;
    assert.match(card, /^\*\*INI-1\*\* · One\\-page checkout/);
    assert.match(card, /- Objective: OBJ-1 Grow online revenue by 25%; OBJ-4 Modernise the commerce platform/);
    assert.match(card, /- Health: (on track|at risk|off track) \(/);
    assert.match(card, /- Owner: Megan Bowen · sponsor Adele Vance/);
    assert.match(card, new RegExp(`- WSJF rank: ${insights.wsjfRank.get('INI-1')} of ${insights.rankedCount}`));
    assert.match(card, /- KPI trend: KPI-1 /);
    assert.ok(card.includes(commandLink('Open in Teams', 'tandem.openInTeams', ['INI-1'])));
    assert.ok(card.includes(commandLink('Copy link', 'tandem.copyLink', ['INI-1'])));
  });

  it('says “not ranked” for closed work, and covers objectives, key results and KPIs', () => {
    assert.match(keyCard('INI-2', portfolio, insights)!, /WSJF rank: not ranked \(done\)/);
    assert.match(keyCard('OBJ-6', portfolio, insights)!, /- Objective: OBJ-2 Delight customers/);
    assert.match(keyCard('KR-2', portfolio, insights)!, /- Objective: OBJ-1/);
    assert.match(keyCard('KPI-1', portfolio, insights)!, /- KPI trend: /);
  });

  it('is undefined for a key the portfolio does not have', () => {
    assert.equal(keyCard('INI-999', portfolio, insights), undefined);
    assert.equal(keyCard('nonsense', portfolio, insights), undefined);
  });

  it('escapes Markdown in titles so that data cannot inject links or commands', () => {
    const evil = structuredClone(portfolio);
    evil.initiatives[0]!.title = '[click](command:workbench.action.terminal.new) <img src=x>';
    const card = keyCard('INI-1', evil, deriveInsights(evil, now))!;
    assert.ok(!card.includes('](command:workbench'));
    assert.ok(card.includes(escapeMarkdown('[click](command:workbench.action.terminal.new)')));
  });
});
