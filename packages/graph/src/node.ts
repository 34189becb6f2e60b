/**
 * @tandem/graph/node — the parts of the Graph adapter that need Node (the CLI and the VS Code extension):
 * a file-backed {@link CacheStorage} for the portfolio cache and the outbox. Browsers import `@tandem/graph` only.
 */
export { FileCacheStorage } from './node/fileCacheStorage.js';
