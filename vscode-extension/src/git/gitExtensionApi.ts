/**
 * The part of the built-in git extension's API (`vscode.git`, API version 1) that Tandem uses, typed as that
 * extension publishes it (extensions/git/src/api/git.d.ts).
 */
import type { Event, Uri } from 'vscode';

/** A branch as the git extension reports HEAD. */
export interface GitBranch {
  readonly name?: string;
  readonly commit?: string;
}

/** The state of one repository. */
export interface GitRepositoryState {
  readonly HEAD: GitBranch | undefined;
  readonly onDidChange: Event<void>;
}

/** One repository open in the Source Control view. */
export interface GitRepository {
  readonly rootUri: Uri;
  /** The Source Control input box of this repository (the commit message). */
  readonly inputBox: { value: string };
  readonly state: GitRepositoryState;
}

/** The git extension's API. */
export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: Event<'uninitialized' | 'initialized'>;
  readonly repositories: GitRepository[];
  readonly onDidOpenRepository: Event<GitRepository>;
  readonly onDidCloseRepository: Event<GitRepository>;
  getRepository(uri: Uri): GitRepository | null;
}

/** What `vscode.extensions.getExtension('vscode.git').exports` is. */
export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}
