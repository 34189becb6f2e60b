import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { tandem } from './support.js';

describe('Goals view', () => {
  it('lists the seeded objectives with their initiatives, health and progress', async () => {
    const api = await tandem();
    const roots = api.views.goals.getChildren();
    const labels = roots.map((r) => r.label);
    assert.ok(labels.includes('OBJ-1 Grow online revenue by 25%'), labels.join(', '));
    assert.ok(labels.includes('OBJ-9 Open click-and-collect in all stores'));
    assert.ok(!labels.some((l) => l.startsWith('OBJ-6')), 'a child objective sits under its parent, not at the top');
    const obj2 = roots.find((r) => r.key === 'OBJ-2')!;
    assert.ok(
      obj2.children!.some((c) => c.key === 'OBJ-6'),
      'OBJ-6 is under OBJ-2',
    );
    const obj1 = roots.find((r) => r.key === 'OBJ-1')!;
    const ini1 = obj1.children!.find((c) => c.key === 'INI-1');
    assert.ok(ini1, 'INI-1 is under OBJ-1');
    assert.ok(ini1.health, 'initiatives carry a health');
    const item = api.views.goals.getTreeItem(obj1);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.deepEqual(item.command?.arguments, ['OBJ-1']);
  });

  it('filters to mine and back', async () => {
    const api = await tandem();
    await vscode.commands.executeCommand('tandem.goals.filterMine');
    const mine = api.views.goals.getChildren().map((r) => r.key);
    // Megan owns INI-1, INI-3, INI-6, … under OBJ-1, OBJ-2, OBJ-3 and OBJ-4, nothing under OBJ-5 or OBJ-9.
    assert.ok(mine.includes('OBJ-1') && mine.includes('OBJ-4'), mine.join(','));
    assert.ok(!mine.includes('OBJ-5') && !mine.includes('OBJ-9'), mine.join(','));
    await vscode.commands.executeCommand('tandem.goals.showAll');
    assert.equal(api.views.goals.getChildren().length, 6);
  });
});
