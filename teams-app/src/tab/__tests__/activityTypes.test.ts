import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ACTIVITY_TYPES, demoPortfolio, notificationsFor, type PortfolioData } from '@tandem/core';

interface ManifestActivity {
  type: string;
  description: string;
  templateText: string;
}

const manifest = JSON.parse(readFileSync(new URL('../../../appPackage/manifest.json', import.meta.url), 'utf8')) as {
  activities?: { activityTypes?: ManifestActivity[] };
  webApplicationInfo: { nestedAppAuthInfo: { scopes: string[] }[] };
};
const declared = new Map((manifest.activities?.activityTypes ?? []).map((a) => [a.type, a]));

describe('activity types in the manifest', () => {
  it('declares every type core sends, within Teams’ limits', () => {
    assert.deepEqual([...declared.keys()].sort(), Object.keys(ACTIVITY_TYPES).sort());
    for (const a of declared.values()) {
      assert.ok(a.type.length <= 32 && a.description.length <= 128 && a.templateText.length <= 128, a.type);
    }
    assert.ok(manifest.webApplicationInfo.nestedAppAuthInfo[0]!.scopes.includes('TeamsActivity.Send'));
  });

  it('gives each template exactly the parameters core sends (Teams fills {actor} itself)', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const demo = demoPortfolio(now);
    const decision = {
      ...demo.decision[0]!,
      id: '11111111-1111-4111-8111-111111111111',
      key: 'DEC-99',
      status: 'proposed' as const,
      votes: [],
    };
    const initiative = demo.initiative.find((i) => i.status === 'inProgress')!;
    const service = demo.service[0]!;
    const before: PortfolioData = { ...demo };
    const after: PortfolioData = {
      ...demo,
      decision: [...demo.decision, decision],
      initiative: demo.initiative.map((i) => (i.id === initiative.id ? { ...i, percentComplete: 0 } : i)),
      slaRecord: [
        ...demo.slaRecord,
        {
          ...demo.slaRecord[0]!,
          id: '22222222-2222-4222-8222-222222222222',
          serviceKey: service.key,
          downtimeMinutes: 9_999,
        },
      ],
      link: [
        ...demo.link,
        {
          ...demo.link[0]!,
          id: '33333333-3333-4333-8333-333333333333',
          kind: 'email',
          author: demo.people[7]!,
          linkedBy: demo.people[0]!,
          sha: undefined,
          repository: undefined,
        },
      ],
    };
    const sent = notificationsFor(before, after, now);
    const types = new Set(sent.map((n) => n.activityType));
    assert.deepEqual([...types].sort(), Object.keys(ACTIVITY_TYPES).sort(), 'the scenario triggers every type');
    for (const n of sent) {
      const template = declared.get(n.activityType)!.templateText;
      const placeholders = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).filter((p) => p !== 'actor');
      assert.deepEqual(n.templateParameters.map((p) => p.name).sort(), placeholders.sort(), n.activityType);
    }
  });
});
