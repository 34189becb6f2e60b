import { demoPortfolio, ENTITY_KINDS, formatKey, type EntityKind, type EntityOf } from '@tandem/core';
import type { MemoryStore } from '../../testing/MemoryStore.js';
import { aDecision, aLink, anInitiative, anObjective } from '../../testing/builders.js';
import { hostilePayloads } from '../../testing/hostileCorpus.js';

/** The data sets the browser suite mounts the app over. */
export type Scenario = 'demo' | 'empty' | 'hostile' | 'large';

/** Fills `store` for `scenario`. */
export async function seedScenario(store: MemoryStore, scenario: Scenario, now: Date): Promise<void> {
  if (scenario === 'empty') return;
  if (scenario === 'hostile') {
    // The shared corpus: one payload in each title (all short enough to pass validation), all of them in long texts.
    const payload = (name: string) => hostilePayloads.find((p) => p.name === name)!.text;
    const all = hostilePayloads.map((p) => p.text).join('\n');
    await store.seed('objective', [anObjective({ key: 'OBJ-1', title: `${payload('img onerror')} objective` })]);
    await store.seed('initiative', [
      anInitiative({ key: 'INI-1', title: `${payload('script element')} initiative`, description: all }),
    ]);
    await store.seed('decision', [aDecision({ title: `${payload('SVG with script')} decision`, context: all })]);
    await store.seed('link', [
      aLink({ title: `${payload('attribute break-out')} commit`, url: 'https://example.com/ok' }),
    ]);
    // The schema refuses non-http URLs, so the hostile address is forced in past validation, as a buggy writer might.
    const evil = aLink({
      kind: 'email',
      title: 'javascript-link',
      externalId: 'evil',
      url: 'https://placeholder.example/',
    });
    await store.seed('link', [evil]);
    store.forceField('link', evil.id, 'url', payload('javascript: URL'));
    await store.seed('glossaryTerm', [
      {
        id: crypto.randomUUID(),
        businessTerm: payload('template injection'),
        technicalTerm: payload('markdown link').slice(0, 100),
        definition: all,
      },
    ]);
    return;
  }
  const demo = demoPortfolio(now);
  for (const kind of ENTITY_KINDS) await store.seed(kind, demo[kind] as EntityOf<EntityKind>[]);
  if (scenario === 'large') {
    // 1,000 more initiatives spread over the demo's objectives and the next two years.
    const objectives = demo.objective.map((o) => o.key);
    const base = demo.initiative[0]!;
    const extra = Array.from({ length: 1000 }, (_, i) => {
      const startMonth = i % 24;
      const start = new Date(Date.UTC(now.getUTCFullYear(), startMonth, 1 + (i % 20)));
      const end = new Date(start.getTime() + (30 + (i % 5) * 30) * 86_400_000);
      return {
        ...base,
        id: crypto.randomUUID(),
        key: formatKey('initiative', 1000 + i),
        title: `Load initiative ${i + 1}`,
        objectiveKeys: [objectives[i % objectives.length]!],
        dependsOn: [],
        start: start.toISOString().slice(0, 10),
        end: end.toISOString().slice(0, 10),
        businessValue: 1 + (i % 20),
        jobSize: 1 + ((i * 7) % 20),
      };
    });
    await store.seed('initiative', extra);
  }
}
