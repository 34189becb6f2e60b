import * as vscode from 'vscode';
import type { TreeNode } from './treeNode.js';

const healthIcon = {
  onTrack: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
  atRisk: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  offTrack: new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
};

const kindIcon: Record<TreeNode['kind'], vscode.ThemeIcon> = {
  objective: new vscode.ThemeIcon('target'),
  keyResult: new vscode.ThemeIcon('graph-line'),
  initiative: new vscode.ThemeIcon('rocket'),
  kpi: new vscode.ThemeIcon('pulse'),
  commit: new vscode.ThemeIcon('git-commit'),
  info: new vscode.ThemeIcon('info'),
};

/** A native tree view over `TreeNode`s that a function builds; `refresh()` rebuilds them. */
export class NodeTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] | undefined;

  constructor(private readonly build: () => TreeNode[]) {}

  refresh(): void {
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return node.children ?? [];
    this.roots ??= this.build();
    return this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(
      node.label,
      node.children?.length
        ? node.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    item.iconPath = node.health ? healthIcon[node.health] : kindIcon[node.kind];
    item.contextValue = node.kind;
    if (node.key) item.command = { title: 'Show Card', command: 'tandem.showCard', arguments: [node.key] };
    else if (node.url)
      item.command = { title: 'Open Commit', command: 'vscode.open', arguments: [vscode.Uri.parse(node.url)] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
