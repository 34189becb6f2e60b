/**
 * The Tandem extension's entry: wires the pieces together and nothing else.
 * Activation is lazy and never waits on the network.
 */
import * as vscode from 'vscode';

/** Called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): void {
  const goals = vscode.window.createTreeView('tandem.goals', {
    treeDataProvider: {
      getTreeItem: (e: string) => new vscode.TreeItem(e),
      getChildren: () => ['OBJ-1'],
    },
  });
  context.subscriptions.push(
    goals,
    vscode.commands.registerCommand('tandem.refresh', () => undefined),
  );
}

/** Called by VS Code on shutdown; everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
