/**
 * Searching output and files for bearer tokens: the exact tokens a flow was seen to use (and their signature part
 * alone), and anything shaped like one — a token of the local server (`{base64url payload}.{HMAC}`), a JWT as Entra
 * issues them, or an `Authorization: Bearer …` value — so a leak is found even of a token the test never saw.
 * VS Code's state databases (`*.vscdb`, SQLite) are read row by row as well as byte by byte.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

/** Token shapes searched for in everything. */
export const tokenShapes: { name: string; pattern: RegExp }[] = [
  // The local server's tokens: base64url of {"sub":…} then a base64url HMAC-SHA256.
  { name: 'local Graph token', pattern: /eyJzdWIiOi[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{43}/ },
  { name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { name: 'bearer value', pattern: /Bearer\s+[A-Za-z0-9._~+/=-]{20,}/i },
];

/** Every file under `dir`, recursively. */
export function filesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else out.push(path);
  }
  return out;
}

/** The needles for a set of tokens: each token, and its signature part (what identifies it) alone. */
export function needlesOf(tokens: Iterable<string>): string[] {
  return [...tokens].flatMap((t) => [t, ...(t.includes('.') ? [t.slice(t.lastIndexOf('.') + 1)] : [])]);
}

/** What in `text` is one of `needles` or shaped like a token, named for a report (never the token itself). */
export function tokensIn(text: string, needles: readonly string[] = []): string[] {
  const found: string[] = [];
  if (needles.some((n) => text.includes(n))) found.push('a token the flows used');
  for (const shape of tokenShapes) if (shape.pattern.test(text)) found.push(`something shaped like a ${shape.name}`);
  return found;
}

/**
 * The texts to search in one file: its bytes (as latin1, so any encoding's ASCII shows) and, for a VS Code state
 * database, every key and value of its `ItemTable` (a value may straddle SQLite pages in the raw bytes).
 */
export function scannableTexts(file: string): string[] {
  const texts = [readFileSync(file).toString('latin1')];
  if (file.endsWith('.vscdb')) {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT key, value FROM ItemTable').all() as { key: string; value: unknown }[];
      for (const row of rows)
        texts.push(`${row.key}=${Buffer.isBuffer(row.value) ? row.value.toString('utf8') : String(row.value)}`);
    } finally {
      db.close();
    }
  }
  return texts;
}

/** Every hit in `files` (each as `path: what`), searching as {@link tokensIn} does. */
export function tokensInFiles(files: readonly string[], needles: readonly string[] = [], relativeTo = ''): string[] {
  const hits: string[] = [];
  for (const file of files) {
    for (const text of scannableTexts(file)) {
      for (const what of tokensIn(text, needles)) hits.push(`${file.slice(relativeTo.length)}: ${what}`);
    }
  }
  return [...new Set(hits)];
}
