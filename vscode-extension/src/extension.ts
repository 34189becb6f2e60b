/**
 * The Tandem extension's entry: wires the pieces together and nothing else.
 * Activation is lazy (never `*`) and never waits on the network: the cached portfolio shows at once, the store
 * is read in the background.
 */
import * as vscode from 'vscode';
import { addTrailer, commitKeys, isEntityKey, parseBranchName, type PersonRef } from '@tandem/core';
import {
  PublishCancelledError,
  businessBlame,
  createAndCheckout,
  publishCommitLinks,
  readHistory,
  repositoryRoot,
  runGit,
  type PublishOutcome,
} from '@tandem/git';
import { microsoftSignIn } from './auth/microsoftAuth.js';
import { BusinessBlameLensProvider } from './blame/blameCodeLens.js';
import { teamsDeepLink } from './commands/teamsLink.js';
import type { SiteLists } from '@tandem/graph';
import { connect, dataMode, listsAreStale, type DataSettings } from './data/connect.js';
import { findByKey } from './data/portfolio.js';
import { PortfolioService } from './data/portfolioService.js';
import { readBranchContext, type BranchContext } from './git/branchContext.js';
import { workBranchName } from './git/branchName.js';
import type { GitApi, GitExtension, GitRepository } from './git/gitExtensionApi.js';
import { GlossaryHoverProvider } from './hover/glossaryHoverProvider.js';
import { KeyHoverProvider, HOVER_SELECTOR } from './hover/keyHoverProvider.js';
import { keyCard } from './hover/keyCard.js';
import { rankInitiatives } from './links/rankInitiatives.js';
import { registerOutbox, type OutboxParts } from './outbox/registerOutbox.js';
import { openRoadmap } from './roadmap/roadmapPanel.js';
import { BranchStatusItem } from './status/branchStatusItem.js';
import { goalsTree } from './views/goalsTree.js';
import { myWorkTree } from './views/myWorkTree.js';
import { NodeTreeProvider } from './views/nodeTreeProvider.js';
import { thisBranchTree } from './views/thisBranchTree.js';

/** What `activate` returns: the running pieces, for the extension's own tests. */
export interface TandemApi {
  service: PortfolioService;
  /** Resolves once the current connection attempt (if any) has finished. */
  ready(): Promise<void>;
  branchKeys(): string[];
  statusKey(): string | undefined;
  /** Writes kept while Graph was unreachable, and their status-bar item. */
  kept: OutboxParts;
  views: { goals: NodeTreeProvider; myWork: NodeTreeProvider; thisBranch: NodeTreeProvider };
}

/** Called by VS Code on the first activation event. */
export function activate(context: vscode.ExtensionContext): TandemApi {
  const output = vscode.window.createOutputChannel('Tandem', { log: true });
  const service = new PortfolioService();
  const config = () => vscode.workspace.getConfiguration('tandem');
  let connecting: Promise<void> = Promise.resolve();
  let me: PersonRef | undefined;
  let branch: BranchContext | undefined;
  let committedKeys: string[] = [];
  let mineOnly = false;

  // ---- git: the built-in extension's API for repositories and the SCM input box; git itself for history.
  let gitApi: GitApi | undefined;
  const gitReady = (async () => {
    const ext = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!ext) return;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    if (exports.enabled) gitApi = exports.getAPI(1);
  })().catch((error: unknown) => output.warn(`git extension unavailable: ${String(error)}`));

  const repositoryFor = async (uri?: vscode.Uri): Promise<GitRepository | undefined> => {
    await gitReady;
    if (!gitApi) return undefined;
    const target = uri ?? vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    return (target && gitApi.getRepository(target)) || gitApi.repositories[0];
  };
  const rootFor = async (uri?: vscode.Uri): Promise<string | undefined> => {
    if (!vscode.workspace.isTrusted) return undefined;
    const repo = await repositoryFor(uri);
    if (repo) return repo.rootUri.fsPath;
    const folder = uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!folder || folder.scheme !== 'file') return undefined;
    return repositoryRoot(folder.fsPath).catch(() => undefined);
  };

  // ---- views, hovers, status bar, business blame
  const goals = new NodeTreeProvider(() =>
    goalsTree(service.portfolio, service.insights, { mineOnly, ...(me ? { me } : {}) }),
  );
  const myWork = new NodeTreeProvider(() => myWorkTree(service.portfolio, service.insights, me, committedKeys));
  const thisBranch = new NodeTreeProvider(() =>
    thisBranchTree(
      service.portfolio,
      service.insights,
      branch ? { name: branch.branch, keys: branch.keys } : undefined,
    ),
  );
  const status = new BranchStatusItem(service);
  const kept = registerOutbox(context, service, output);
  const blame = new BusinessBlameLensProvider(
    service,
    async (uri) => rootFor(uri),
    (m) => output.info(m),
  );
  const setContext = (key: string, value: unknown) => vscode.commands.executeCommand('setContext', key, value);

  const refreshBranch = async () => {
    const root = await rootFor();
    if (!root) {
      branch = undefined;
    } else {
      try {
        branch = await readBranchContext(root);
        const email = (await runGit(root, ['config', 'user.email']).catch(() => '')).trim().toLowerCase();
        const mine = email ? await readHistory(root, { maxCount: 500 }).catch(() => []) : [];
        committedKeys = [
          ...new Set(
            mine
              .filter((c) => c.authorEmail.toLowerCase() === email)
              .flatMap((c) => commitKeys({ message: c.message })),
          ),
        ];
      } catch (error) {
        output.warn(`reading the branch: ${error instanceof Error ? error.message : String(error)}`);
        branch = undefined;
      }
    }
    status.setBranchKeys(branch?.keys ?? []);
    await prefillTrailer();
    thisBranch.refresh();
    myWork.refresh();
  };
  /** With `tandem.addTrailerFromBranch`, the commit message box starts with the branch's initiative trailer. */
  const prefillTrailer = async () => {
    if (!config().get<boolean>('addTrailerFromBranch', false) || !branch?.branch) return;
    const key = parseBranchName(branch.branch).find((k) => service.portfolio.initiatives.some((i) => i.key === k));
    const repo = key ? await repositoryFor() : undefined;
    if (key && repo) repo.inputBox.value = addTrailer(repo.inputBox.value, 'Initiative', key);
  };
  let branchTimer: NodeJS.Timeout | undefined;
  const scheduleBranchRefresh = () => {
    clearTimeout(branchTimer);
    branchTimer = setTimeout(() => void refreshBranch(), 300);
  };
  void gitReady.then(() => {
    if (!gitApi) return;
    const watch = (repo: GitRepository) => context.subscriptions.push(repo.state.onDidChange(scheduleBranchRefresh));
    gitApi.repositories.forEach(watch);
    context.subscriptions.push(
      gitApi.onDidOpenRepository((repo) => {
        watch(repo);
        scheduleBranchRefresh();
      }),
    );
  });

  service.onDidChange(() => {
    goals.refresh();
    myWork.refresh();
    thisBranch.refresh();
    status.render();
    blame.refresh();
    void setContext('tandem.connected', service.active !== undefined);
    void setContext('tandem.hasGoals', service.portfolio.objectives.length > 0);
  });

  // ---- connecting: local server or tenant, in the background
  const settings = (): DataSettings => ({
    graphUrl: config().get<string>('graphUrl') || undefined,
    localUser: config().get<string>('localUser') || 'adele@contoso.test',
    tenantId: config().get<string>('tenantId') || undefined,
    clientId: config().get<string>('clientId') || undefined,
    site: config().get<string>('site') || undefined,
  });
  /** Background loading shows in the Goals view, not as a notification. */
  const inViewProgress = <T>(work: Promise<T>): Promise<T> => {
    void vscode.window.withProgress({ location: { viewId: 'tandem.goals' } }, () => work);
    return work;
  };
  const startConnecting = (interactive: boolean): Promise<void> => {
    connecting = inViewProgress(
      (async () => {
        const s = settings();
        const mode = dataMode(s);
        if (!mode) {
          service.disconnect();
          await setContext('tandem.configured', false);
          return;
        }
        await setContext('tandem.configured', true);
        try {
          const tenant = mode === 'tenant' ? await microsoftSignIn(s.tenantId!, s.clientId!, interactive) : undefined;
          if (mode === 'tenant' && !tenant) {
            await setContext('tandem.needsSignIn', true);
            return;
          }
          await setContext('tandem.needsSignIn', false);
          const options = {
            cacheFolder: context.globalStorageUri.fsPath,
            rememberedLists: (id: string) => context.globalState.get<SiteLists>(`tandem.lists:${id}`),
            rememberLists: (id: string, lists: SiteLists) =>
              Promise.resolve(context.globalState.update(`tandem.lists:${id}`, lists)),
          };
          let connection = await connect(s, tenant, options);
          me = connection.me;
          await service.connect(connection);
          if (service.state === 'offline' && listsAreStale(service.error)) {
            // The remembered lists are gone (a re-provisioned site): look them up again, once.
            output.warn('the remembered lists were not found; looking them up again');
            await context.globalState.update(`tandem.lists:${connection.id}`, undefined);
            connection = await connect(s, tenant, options);
            await service.connect(connection);
          }
          if (service.error) output.warn(`offline: ${service.error.message}`);
        } catch (error) {
          output.error(`connecting: ${error instanceof Error ? error.message : String(error)}`);
          service.fail(error);
          if (interactive)
            void vscode.window.showErrorMessage(
              `Tandem could not connect: ${error instanceof Error ? error.message : String(error)}`,
            );
        }
      })(),
    );
    return connecting;
  };

  // ---- commands
  const untrustedOr = (message: string) =>
    vscode.workspace.isTrusted ? message : 'Tandem runs git only in trusted workspaces: trust this folder first.';
  const pickInitiative = async (placeHolder: string): Promise<string | undefined> => {
    const ranked = rankInitiatives(service.portfolio.initiatives, {
      branchKeys: branch?.keys ?? [],
      recentKeys: branch?.recentKeys ?? [],
      ...(me ? { me: me.email } : {}),
    });
    if (ranked.length === 0) {
      void vscode.window.showWarningMessage('No initiatives yet: connect Tandem or refresh.');
      return undefined;
    }
    const choice = await vscode.window.showQuickPick(
      ranked.map((r) => ({
        label: r.initiative.key,
        description: r.initiative.title,
        detail: r.reasons.length ? r.reasons.join(' · ') : r.initiative.status,
      })),
      { title: placeHolder, placeHolder: 'Type a key or a title', matchOnDescription: true },
    );
    return choice?.label;
  };
  /** A key given to a command (from a hover, a test, a keybinding) must be a key the portfolio has. */
  const knownKey = (key: unknown, kind?: 'initiative'): string | undefined => {
    if (typeof key !== 'string' || !isEntityKey(key)) {
      void vscode.window.showErrorMessage(`Not a Tandem key: ${JSON.stringify(key)} (expected something like INI-7)`);
      return undefined;
    }
    const found = findByKey(service.portfolio, key);
    if (!found || (kind && found.kind !== kind)) {
      void vscode.window.showErrorMessage(`${key} is not ${kind ? 'an initiative' : 'a key'} in the portfolio.`);
      return undefined;
    }
    return key;
  };

  const linkCommit = async (keyArg?: unknown): Promise<string | undefined> => {
    const repo = await repositoryFor();
    if (!repo) {
      void vscode.window.showErrorMessage(untrustedOr('Link Commit needs a git repository open in Source Control.'));
      return undefined;
    }
    const key =
      keyArg === undefined
        ? await pickInitiative('Link the commit to which initiative?')
        : knownKey(keyArg, 'initiative');
    if (!key) return undefined;
    repo.inputBox.value = addTrailer(repo.inputBox.value, 'Initiative', key);
    return key;
  };

  const startWork = async (keyArg?: unknown): Promise<string | undefined> => {
    const root = await rootFor();
    if (!root) {
      void vscode.window.showErrorMessage(untrustedOr('Start Work needs a git repository in the workspace.'));
      return undefined;
    }
    const key =
      keyArg === undefined ? await pickInitiative('Start work on which initiative?') : knownKey(keyArg, 'initiative');
    if (!key) return undefined;
    const initiative = service.portfolio.initiatives.find((i) => i.key === key)!;
    const name = workBranchName(key, initiative.title);
    try {
      await createAndCheckout(root, name);
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Could not create ${name}: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    await refreshBranch();
    return name;
  };

  const publishLinks = async (): Promise<(PublishOutcome & { kept: number }) | undefined> => {
    const root = await rootFor();
    const connection = service.active;
    if (!root || !connection) {
      void vscode.window.showErrorMessage(
        !root
          ? untrustedOr('Publish Commit Links needs a git repository in the workspace.')
          : 'Connect Tandem first (Tandem: Sign In, or set tandem.graphUrl).',
      );
      return undefined;
    }
    const known = new Set([
      ...service.portfolio.objectives.map((o) => o.key),
      ...service.portfolio.keyResults.map((k) => k.key),
      ...service.portfolio.initiatives.map((i) => i.key),
      ...service.portfolio.kpis.map((k) => k.key),
    ]);
    const stateKey = (repo: string) => `tandem.lastPublished:${connection.id}:${repo}`;
    // Links go to Graph in batches; if Graph is unreachable they are kept and sent later, and the mark moves.
    const keeping = kept.outbox.startPublish(connection.store);
    status.setBusy(true);
    output.info(`publishing commit links from ${root}`);
    try {
      const outcome = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: 'Tandem: publishing commit links',
          cancellable: true,
        },
        (progress, token) =>
          publishCommitLinks({
            isCancelled: () => token.isCancellationRequested,
            cwd: root,
            store: keeping,
            linkedBy: connection.me,
            knownKeys: known,
            existingIds: new Set(service.portfolio.links.map((l) => l.id)),
            state: {
              lastPublished: (repo) => context.globalState.get<string>(stateKey(repo)),
              setLastPublished: (repo, sha) => Promise.resolve(context.globalState.update(stateKey(repo), sha)),
            },
            // The history is streamed, so the total is not known up front: the notification shows counts only.
            onProgress: ({ scanned, published }) =>
              progress.report({ message: `${published} published, ${scanned} commits read` }),
          }),
      );
      const unknown = [...outcome.unknownKeys.keys()];
      const { sent, kept: keptLinks } = keeping.counts;
      void vscode.window.showInformationMessage(
        `Tandem: ${sent} link${sent === 1 ? '' : 's'} published from ${outcome.scanned} new commit${outcome.scanned === 1 ? '' : 's'}` +
          (keptLinks ? `; ${keptLinks} kept, to be sent when Graph is reachable` : '') +
          (unknown.length ? `; not in the portfolio: ${unknown.slice(0, 5).join(', ')}` : '.'),
      );
      output.info(
        `published ${sent} links (${keptLinks} kept) from ${outcome.scanned} commits to ${outcome.repositoryUrl}`,
      );
      if (sent > 0) void service.refresh();
      return { ...outcome, published: sent, kept: keptLinks };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      output.error(`publishing commit links: ${message}`);
      if (error instanceof PublishCancelledError)
        void vscode.window.showInformationMessage(`Tandem: ${message}; run it again to go on.`);
      else
        void vscode.window
          .showErrorMessage(`Publish Commit Links: ${message}`, 'Show Log')
          .then((c) => c && output.show());
      return undefined;
    } finally {
      status.setBusy(false);
      await kept.outbox.endPublish();
    }
  };

  const showCard = async (keyArg?: unknown) => {
    const key = knownKey(keyArg);
    if (!key) return undefined;
    const card = keyCard(key, service.portfolio, service.insights)!;
    const plain = card
      .replace(/\[([^\]]+)\]\(command:[^)]*\)/g, '')
      .replace(/\\(.)/g, '$1')
      .replace(/\*\*/g, '');
    const lines = plain.split('\n').filter((l) => l.trim());
    const title = lines[0];
    const rest = lines.filter((l) => l.startsWith('- '));
    // Not awaited: a notification stays until the user acts; the command answers at once.
    void vscode.window
      .showInformationMessage(title ?? key, { modal: false, detail: rest.join('\n') }, 'Open in Teams', 'Copy Link')
      .then((choice) => {
        if (choice === 'Open in Teams') return vscode.commands.executeCommand('tandem.openInTeams', key);
        if (choice === 'Copy Link') return vscode.commands.executeCommand('tandem.copyLink', key);
        return undefined;
      });
    return key;
  };

  const linkFor = (key: string) => teamsDeepLink(config().get<string>('teamsAppId'), key);

  context.subscriptions.push(
    output,
    status,
    blame,
    goals,
    myWork,
    thisBranch,
    vscode.window.createTreeView('tandem.goals', { treeDataProvider: goals, showCollapseAll: true }),
    vscode.window.createTreeView('tandem.myWork', { treeDataProvider: myWork }),
    vscode.window.createTreeView('tandem.thisBranch', { treeDataProvider: thisBranch }),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new KeyHoverProvider(service)),
    vscode.languages.registerHoverProvider(HOVER_SELECTOR, new GlossaryHoverProvider(service)),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, blame),
    vscode.commands.registerCommand('tandem.refresh', async () => {
      await Promise.all([service.refresh(), refreshBranch(), kept.outbox.replay()]);
    }),
    vscode.commands.registerCommand('tandem.signIn', () => startConnecting(true)),
    vscode.commands.registerCommand('tandem.signOut', () => {
      service.disconnect();
      me = undefined;
      void setContext('tandem.needsSignIn', dataMode(settings()) === 'tenant');
    }),
    vscode.commands.registerCommand('tandem.linkCommit', linkCommit),
    vscode.commands.registerCommand('tandem.startWork', startWork),
    vscode.commands.registerCommand('tandem.publishLinks', publishLinks),
    vscode.commands.registerCommand('tandem.showCard', showCard),
    vscode.commands.registerCommand('tandem.openInTeams', async (keyArg?: unknown) => {
      const key = knownKey(keyArg);
      if (!key) return;
      const link = linkFor(key);
      if (!link) {
        void vscode.window.showInformationMessage('Set tandem.teamsAppId to open keys in Teams.');
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(link));
    }),
    vscode.commands.registerCommand('tandem.copyLink', async (keyArg?: unknown) => {
      const key = knownKey(keyArg);
      if (!key) return undefined;
      const text = linkFor(key) ?? key;
      await vscode.env.clipboard.writeText(text);
      return text;
    }),
    vscode.commands.registerCommand('tandem.goals.filterMine', () => {
      mineOnly = true;
      void setContext('tandem.goals.mineOnly', true);
      goals.refresh();
    }),
    vscode.commands.registerCommand('tandem.goals.showAll', () => {
      mineOnly = false;
      void setContext('tandem.goals.mineOnly', false);
      goals.refresh();
    }),
    vscode.commands.registerCommand('tandem.businessBlame', async () => {
      const editor = vscode.window.activeTextEditor;
      const root = editor ? await rootFor(editor.document.uri) : undefined;
      if (!editor || !root) {
        void vscode.window.showInformationMessage('Business Blame works on a file in a git repository.');
        return [];
      }
      const rel = vscode.workspace.asRelativePath(editor.document.uri, false);
      const blamed = await businessBlame(root, rel, editor.document.isDirty ? editor.document.getText() : undefined);
      if (blamed.length === 0) void vscode.window.showInformationMessage(`No commit behind ${rel} names a Tandem key.`);
      else {
        // Not awaited: the command answers with the keys at once, the pick stays open for the user.
        void vscode.window
          .showQuickPick(
            blamed.map((b) => {
              const found = findByKey(service.portfolio, b.key);
              return {
                label: b.key,
                description: found ? ('title' in found.value ? found.value.title : found.value.name) : '',
                detail: `${b.lines.length} lines, ${b.commits.length} commits`,
              };
            }),
            { placeHolder: `What ${rel} is for` },
          )
          .then((pick) => (pick ? showCard(pick.label) : undefined));
      }
      return blamed.map((b) => b.key);
    }),
    vscode.commands.registerCommand('tandem.openRoadmap', () => openRoadmap(context, service, kept.outbox)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (
        ['graphUrl', 'localUser', 'tenantId', 'clientId', 'site'].some((s) => e.affectsConfiguration(`tandem.${s}`))
      ) {
        void startConnecting(false);
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void refreshBranch()),
  );

  void setContext('tandem.goals.mineOnly', false);
  void startConnecting(false);
  void gitReady.then(refreshBranch);

  return {
    service,
    ready: async () => {
      await connecting;
      await gitReady;
      await refreshBranch();
    },
    branchKeys: () => branch?.keys ?? [],
    statusKey: () => status.shownKey,
    kept,
    views: { goals, myWork, thisBranch },
  };
}

/** Called by VS Code on shutdown; everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
