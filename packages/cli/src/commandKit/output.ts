import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { CommandIO } from '../command.js';

/** Prints a command's result: the JSON document with `--json`, else the human sentence. */
export function printResult(io: CommandIO, json: boolean, result: unknown, text: string): void {
  io.stdout(json ? JSON.stringify(result, null, 2) + '\n' : text.endsWith('\n') ? text : text + '\n');
}

/**
 * Writes text chunks to `out` (a file path) or, without one, to stdout — streaming, so an export of any size is never
 * built up in memory. Resolves with the number of characters written.
 */
export async function writeChunks(
  chunks: AsyncIterable<string>,
  out: string | undefined,
  io: CommandIO,
): Promise<number> {
  let written = 0;
  const counted = (async function* () {
    for await (const chunk of chunks) {
      written += chunk.length;
      yield chunk;
    }
  })();
  if (out === undefined) {
    for await (const chunk of counted) io.stdout(chunk);
  } else {
    await pipeline(Readable.from(counted), createWriteStream(out));
  }
  return written;
}
