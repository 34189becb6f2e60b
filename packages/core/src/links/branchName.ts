import { BRANCH_KEY_PATTERN, addUnique, scanKeys } from './keyMentions.js';

/**
 * Keys in a branch name, in any case, in order, without repeats: `ini-7/short-title`, `feature/INI-7-short-title`,
 * `refs/heads/obj-2/kr-5-pricing`, `fix-ini-7`. A key inside a longer word (`mini-7`) does not count.
 */
export function parseBranchName(branch: string): string[] {
  const name = branch.trim().replace(/^refs\/heads\//, '');
  const keys: string[] = [];
  addUnique(keys, new Set(), scanKeys(BRANCH_KEY_PATTERN, name));
  return keys;
}
