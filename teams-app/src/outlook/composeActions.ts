/** Writing into the message being composed: the status summary into the body, the key into the subject. */
import {
  officeAsync,
  officeEnums,
  OfficeCallError,
  type ComposeText,
  type OfficeGlobal,
  type OfficeItem,
} from './officeApi.js';
import { subjectWithKey } from './statusSummary.js';

function composeSubject(item: OfficeItem): ComposeText {
  const subject = item.subject;
  if (!subject || typeof subject === 'string')
    throw new OfficeCallError('item.subject', 'the item is not being composed');
  return subject;
}

/** The subject of the message being written. */
export function readComposeSubject(item: OfficeItem): Promise<string> {
  return officeAsync<string>('subject.getAsync', (cb) => composeSubject(item).getAsync(cb));
}

/**
 * Inserts `html` at the cursor (`body.setSelectedDataAsync`), or at the top of the body (`prependAsync`) where the
 * cursor cannot take it.
 */
export async function insertIntoBody(office: OfficeGlobal | undefined, item: OfficeItem, html: string): Promise<void> {
  const body = item.body;
  const options = { coercionType: officeEnums(office).html };
  if (body?.setSelectedDataAsync) {
    await officeAsync<void>('body.setSelectedDataAsync', (cb) => body.setSelectedDataAsync!(html, options, cb));
    return;
  }
  if (body?.prependAsync) {
    await officeAsync<void>('body.prependAsync', (cb) => body.prependAsync!(html, options, cb));
    return;
  }
  throw new OfficeCallError('item.body', 'this message body cannot be written to');
}

/** Puts `[KEY]` in front of the subject (once). Returns the new subject. */
export async function addKeyToSubject(item: OfficeItem, key: string): Promise<string> {
  const subject = composeSubject(item);
  const next = subjectWithKey(await readComposeSubject(item), key);
  await officeAsync<void>('subject.setAsync', (cb) => subject.setAsync(next, cb));
  return next;
}
