/**
 * JSON text already written, carried in an answer's body as it is: a list read sends items whose text the server has
 * kept from an earlier read (see `ListItemRenderer.renderText`), instead of parsing, rebuilding and writing each again.
 */
import { randomUUID } from 'node:crypto';

/** Only {@link toJsonText} writes raw text; it marks each place with this, which no value can guess. */
const marker = `@@raw-${randomUUID()}@@`;
const markerPattern = new RegExp(`"${marker}(\\d+)${marker}"`, 'g');

/** The raw texts of the body {@link toJsonText} is writing now (it runs synchronously, one body at a time). */
let writing: string[] | undefined;

/** A JSON value as text (the caller vouches that it is well-formed JSON). */
export class RawJson {
  constructor(readonly text: string) {}

  /** Within {@link toJsonText}, a marker it replaces with the text; elsewhere, the value itself. */
  toJSON(): unknown {
    if (!writing) return JSON.parse(this.text) as unknown;
    return `${marker}${writing.push(this.text) - 1}${marker}`;
  }
}

/** `JSON.stringify(body)`, with each {@link RawJson} in it written as its text. */
export function toJsonText(body: unknown): string {
  const raw: string[] = [];
  writing = raw;
  let text: string;
  try {
    text = JSON.stringify(body);
  } finally {
    writing = undefined;
  }
  return raw.length === 0 ? text : text.replace(markerPattern, (_match, index: string) => raw[Number(index)]!);
}
