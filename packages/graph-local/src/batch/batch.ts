import type { BatchHandler } from '../graphService.js';
import { badRequest } from '../http/graphError.js';

/** `POST /$batch` (JSON batching). */
export const handleBatch: BatchHandler = async () => {
  throw badRequest('$batch is not available yet.');
};
