// Link grammar at 100k inputs, each beside a plain regular-expression pass over the same strings.
// Run with `npm run bench -- core`.
import { compare } from '@tandem/tests/bench';
import {
  addTrailer,
  commitKeys,
  eq,
  findKeyMentions,
  parseBranchName,
  parseCommitTrailers,
  parseSubjectKeys,
} from '@tandem/core';

const N = 100_000;
let seed = 42;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const prefixes = ['OBJ', 'KR', 'INI', 'KPI', 'SVC', 'DEC', 'IDEA'];
const key = () => `${pick(prefixes)}-${1 + Math.floor(random() * 500)}`;
const words = [
  'checkout',
  'payment',
  'fix',
  'stock',
  'loyalty',
  'refactor',
  'MINI-72',
  'the',
  'API',
  'v2',
  'store',
  'OBJ-12a',
];
const sentence = (n: number) => Array.from({ length: n }, () => (random() < 0.08 ? key() : pick(words))).join(' ');

const messages = Array.from({ length: N }, (_, i) => {
  const subject = (i % 3 === 0 ? `[${key()}] ` : '') + sentence(6);
  const body = sentence(20) + '\n' + sentence(15);
  const trailers =
    i % 2 === 0 ? `\n\nInitiative: ${key()}\nRefs: ${key()}, ${key()}\nSigned-off-by: Megan <megan@contoso.test>` : '';
  return `${subject}\n\n${body}${trailers}\n`;
});
const branches = Array.from({ length: N }, (_, i) =>
  i % 4 === 0
    ? 'main'
    : i % 2
      ? `feature/${key()}-${pick(words)}-${pick(words)}`
      : `${key().toLowerCase()}/${pick(words)}`,
);
const values = Array.from({ length: N }, (_, i) => (i % 5 === 0 ? `O'Brien's ${sentence(3)}` : sentence(3)));

// Baselines: one regex pass that finds key-shaped tokens (no boundaries, no case rules, no dedup).
const plainKey = /[A-Z]+-\d+/g;
const plainScan = (texts: readonly string[]) => {
  let count = 0;
  for (const t of texts) for (const _ of t.matchAll(plainKey)) count++;
  return count;
};
let sink = 0;

await compare(
  'core links',
  'findKeyMentions × 100k messages',
  { label: 'plain regex scan', run: () => (sink += plainScan(messages)) },
  { label: 'findKeyMentions', run: () => messages.forEach((m) => (sink += findKeyMentions(m).length)) },
  { goal: '≤ ×4 the plain scan' },
);

await compare(
  'core links',
  'parseCommitTrailers × 100k messages',
  {
    label: 'split lines + regex per line',
    run: () => messages.forEach((m) => m.split('\n').forEach((l) => /^[A-Za-z-]+: /.test(l) && sink++)),
  },
  { label: 'parseCommitTrailers', run: () => messages.forEach((m) => (sink += parseCommitTrailers(m).length)) },
  { goal: '≤ ×4 the plain split' },
);

await compare(
  'core links',
  'commitKeys × 100k messages with branches',
  { label: 'plain regex scan', run: () => (sink += plainScan(messages) + plainScan(branches)) },
  {
    label: 'commitKeys',
    run: () => messages.forEach((m, i) => (sink += commitKeys({ message: m, branch: branches[i]! }).length)),
  },
  { goal: '≤ ×10 the plain scan (four grammars)' },
);

await compare(
  'core links',
  'parseBranchName × 100k branches',
  { label: 'plain regex scan (case-insensitive)', run: () => branches.forEach((b) => /[a-z]+-\d+/i.test(b) && sink++) },
  { label: 'parseBranchName', run: () => branches.forEach((b) => (sink += parseBranchName(b).length)) },
);

await compare(
  'core links',
  'parseSubjectKeys × 100k subjects',
  { label: 'plain bracket regex', run: () => messages.forEach((m) => /\[[^\]]*\]/.test(m) && sink++) },
  { label: 'parseSubjectKeys', run: () => messages.forEach((m) => (sink += parseSubjectKeys(m).length)) },
);

await compare(
  'core links',
  'addTrailer × 100k messages',
  {
    label: 'split lines + splice + join',
    run: () =>
      messages.forEach((m) => {
        const lines = m.split('\n');
        lines.splice(lines.length - 1, 0, 'Initiative: INI-7');
        sink += lines.join('\n').length;
      }),
  },
  { label: 'addTrailer', run: () => messages.forEach((m) => (sink += addTrailer(m, 'Initiative', 'INI-7').length)) },
);

await compare(
  'core odata',
  'eq(field, value) × 100k values',
  {
    label: "plain replace(/'/g)",
    run: () => values.forEach((v) => (sink += `fields/Title eq '${v.replace(/'/g, "''")}'`.length)),
  },
  { label: 'eq', run: () => values.forEach((v) => (sink += eq('fields/Title', v).length)) },
);

if (sink === 0) console.log('nothing measured');
