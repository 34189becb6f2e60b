import { addUnique, findKeyMentions } from './keyMentions.js';
import { parseBranchName } from './branchName.js';
import { parseSubjectKeys } from './subjectKeys.js';
import { messageLines, trailersOfLines } from './trailers.js';

/** What a commit says about itself. */
export interface CommitText {
  message: string;
  /** The branch it was made on, when known. */
  branch?: string;
}

/**
 * Every key a commit names, deduplicated, in order: bracketed keys in the subject, keys mentioned anywhere in the
 * message (in message order), the keys of its Tandem trailers in any case, then the keys in its branch name.
 */
export function commitKeys(commit: CommitText): string[] {
  const lines = messageLines(commit.message);
  // Comment lines are what git strips from the message; they are not part of the commit.
  const hasComments = commit.message.startsWith('#') || commit.message.includes('\n#');
  const text = hasComments ? lines.filter((line) => !line.startsWith('#')).join('\n') : commit.message;
  const keys: string[] = [];
  const seen = new Set<string>();
  addUnique(keys, seen, parseSubjectKeys(lines[0] ?? ''));
  addUnique(keys, seen, findKeyMentions(text));
  for (const trailer of trailersOfLines(lines)) addUnique(keys, seen, trailer.keys);
  if (commit.branch !== undefined) addUnique(keys, seen, parseBranchName(commit.branch));
  return keys;
}
