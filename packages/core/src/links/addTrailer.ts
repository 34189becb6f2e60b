import { parseKey } from '../keys/entityKey.js';
import { LOOSE_KEY_PATTERN, scanKeys } from './keyMentions.js';
import { findTrailerBlock, messageLines } from './trailers.js';

const validToken = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/**
 * Adds `Token: KEY` to a commit message: into its trailer block when it has one (after the last trailer),
 * otherwise as a new last paragraph. Returns the message unchanged when a trailer with that token (in any case)
 * already names the key. Keeps the message's line ends and its trailing comment lines.
 * Throws a RangeError for a token that is not a trailer token or a key that is not a key.
 */
export function addTrailer(message: string, token: string, key: string): string {
  if (!validToken.test(token)) throw new RangeError(`not a trailer token: ${JSON.stringify(token)}`);
  const parsed = parseKey(key);
  if (!parsed) throw new RangeError(`not a key: ${JSON.stringify(key)}`);
  const line = `${token}: ${parsed.key}`;
  const cr = message.includes('\r\n') ? '\r' : '';
  const lines = messageLines(message);
  const block = findTrailerBlock(lines);
  // Edits go into the raw lines (each keeps its own line end), so that nothing but the new lines changes.
  const raw = message.split('\n');

  if (block) {
    const already = block.trailers.some(
      (t) => t.token.toLowerCase() === token.toLowerCase() && scanKeys(LOOSE_KEY_PATTERN, t.value).includes(parsed.key),
    );
    if (already) return message;
    return insertLines(raw, block.end, [line], cr);
  }

  // No block: the trailer becomes a new last paragraph, before any trailing blank and comment lines.
  // (An empty message thus gets an empty title line, so that the trailer is not taken for the title.)
  let end = lines.length;
  while (end > 0 && (lines[end - 1]!.trim() === '' || lines[end - 1]!.startsWith('#'))) end--;
  return insertLines(raw, end, ['', line], cr);
}

/** Inserts `texts` as lines before `raw[index]` (or at the end), with the message's line end. */
function insertLines(raw: string[], index: number, texts: string[], cr: string): string {
  if (index < raw.length) {
    raw.splice(index, 0, ...texts.map((t) => t + cr));
  } else {
    // The message ends without a line end: its last line gets one, the new last line none.
    raw[raw.length - 1] += cr;
    raw.push(...texts.map((t, i) => (i === texts.length - 1 ? t : t + cr)));
  }
  return raw.join('\n');
}
