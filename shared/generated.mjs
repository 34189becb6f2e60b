// The project's generated sources (`npm run generate`): each is written as the formatter writes it, and a file that
// holds that already is left alone, so that a newer file does not make `npm start` build the app again for nothing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';

/** `source` as the formatter writes it into `file` (what a generated file must hold; the tests compare with it). */
export async function formatGenerated(file, source) {
  return format(source, { ...((await resolveConfig(file)) ?? {}), filepath: file });
}

/** What the generated `file` holds, and what it must hold (`source` as the formatter writes it): a test compares them. */
export async function generatedAndExpected(file, source) {
  return [readFileSync(file, 'utf8'), await formatGenerated(file, source)];
}

/** Writes `source`, formatted, into `file` unless the file holds it already; says which. */
export async function writeGenerated(file, source) {
  const text = await formatGenerated(file, source);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) console.log(`${file} is current`);
  else {
    writeFileSync(file, text);
    console.log(`Wrote ${file}`);
  }
}
