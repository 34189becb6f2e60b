/**
 * @tandem/git — Tandem's git logic for Node, shared by the `tandem` command and the VS Code extension: running git,
 * reading history and blame, remote → web address, and publishing commit links over core's `Store` port.
 */
export { GitError, type GitErrorCode } from './run/gitError.js';
export { runGit, streamGit, type GitRunOptions } from './run/runGit.js';
export { COMMIT_LOG_FORMAT, CommitLogParser, type LoggedCommit } from './history/commitLog.js';
export { historyArgs, isAncestor, readHistory, streamHistory, type HistoryRange } from './history/history.js';
export {
  branchOnlyShas,
  createAndCheckout,
  currentBranch,
  headSha,
  localBranches,
  remoteUrl,
  repositoryRoot,
} from './history/repository.js';
export { RemoteUrlError, commitWebUrl, remoteToWebUrl } from './remote/remoteWebUrl.js';
export { isUncommitted, parseBlamePorcelain, type BlameLine } from './blame/blamePorcelain.js';
export { businessBlame, keysByLine, type BlamedKey } from './blame/businessBlame.js';
export { stableUuid } from './publish/linkId.js';
export {
  commitLinks,
  inBatches,
  linkTitle,
  planCommitLinks,
  type CommitSource,
  type PublishPlan,
  type PublishSource,
} from './publish/commitLinks.js';
export { gitFolderPublishState, type PublishState } from './publish/publishMark.js';
export {
  PublishCancelledError,
  publishCommitLinks,
  type LinkStore,
  type PublishOutcome,
  type PublishProgress,
  type PublishRequest,
} from './publish/publishCommitLinks.js';
