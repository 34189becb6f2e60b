import type { MemoryStore } from '../../testing/MemoryStore.js';
import { aDecision, aLink, anInitiative, anObjective, aPerson } from '../../testing/builders.js';

/** The data sets the browser suite mounts the app over. */
export type Scenario = 'demo' | 'empty' | 'hostile';

/** Fills `store` for `scenario`. */
export async function seedScenario(store: MemoryStore, scenario: Scenario, _now: Date): Promise<void> {
  if (scenario === 'empty') return;
  if (scenario === 'hostile') {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    await store.seed('objective', [anObjective({ key: 'OBJ-1', title: `${hostile} objective` })]);
    await store.seed('initiative', [anInitiative({ key: 'INI-1', title: `${hostile} initiative` })]);
    await store.seed('decision', [aDecision({ title: `${hostile} decision`, context: hostile })]);
    await store.seed('link', [
      aLink({ title: `${hostile} commit`, url: 'https://example.com/ok' }),
      aLink({ kind: 'email', title: 'javascript link', externalId: 'x', url: undefined }),
    ]);
    await store.seed('glossaryTerm', [
      { id: crypto.randomUUID(), businessTerm: hostile, technicalTerm: 'javascript:alert(1)', definition: hostile },
    ]);
    return;
  }
  await store.seed('objective', [anObjective()]);
  await store.seed('initiative', [anInitiative()]);
  await store.seed('decision', [
    aDecision(),
    aDecision({ key: 'DEC-2', title: 'Retire the old CRM', status: 'accepted', decidedOn: '2026-04-02' }),
  ]);
  await store.seed('idea', [
    {
      id: crypto.randomUUID(),
      key: 'IDEA-1',
      title: 'Show delivery dates at checkout',
      author: aPerson('Sam Rivera'),
      createdAt: '2026-04-01T09:00:00Z',
      status: 'open',
      voterEmails: ['a@contoso.example', 'b@contoso.example'],
    },
  ]);
  await store.seed('checkIn', [
    {
      id: crypto.randomUUID(),
      targetKey: 'INI-1',
      author: aPerson('Grace Hopper'),
      at: '2026-05-01T09:00:00Z',
      status: 'atRisk',
      progress: 35,
      note: 'Payment provider sandbox is late.',
    },
  ]);
  await store.seed('glossaryTerm', [
    {
      id: crypto.randomUUID(),
      businessTerm: 'Order',
      technicalTerm: 'Sales document',
      definition: 'A customer’s request to buy.',
    },
  ]);
}
