// A glossary hover in a huge file costs a window around the cursor, not the line: measured on a 1 MB minified line,
// beside a scan of the whole line and beside the same hover in a short comment. Run with `npm run bench -- glossaryHover`.
import { compare } from '@tandem/tests/bench';
import { demoPortfolio, glossaryMatcher } from '@tandem/core';
import { glossaryMatchAt } from './glossaryCard.js';

const matcher = glossaryMatcher(demoPortfolio(new Date('2026-05-15T12:00:00Z')).glossaryTerm);
const filler = 'var a=b+c;'.repeat(50_000);
const huge = `${filler} basket abandonment ${filler}`;
const at = filler.length + 5;
const comment = '// Fewer cases of basket abandonment after the redesign';
const HOVERS = 1_000;
const SCANS = 100;
let sink = 0;

await compare(
  'vscode glossary hovers',
  `${SCANS} hovers on a 1 MB line`,
  {
    label: 'scanning the whole line each time',
    run: () => {
      for (let i = 0; i < SCANS; i++) sink += matcher.matches(huge).length;
    },
  },
  {
    label: 'glossaryMatchAt',
    run: () => {
      for (let i = 0; i < SCANS; i++) sink += glossaryMatchAt(huge, at, matcher)?.end ?? 0;
    },
  },
  { note: 'a hover scans twice the longest term around the cursor, whatever the line' },
);

await compare(
  'vscode glossary hovers',
  `${HOVERS} hovers, 1 MB line against a 56-character comment`,
  {
    label: 'the same hovers in a comment',
    run: () => {
      for (let i = 0; i < HOVERS; i++) sink += glossaryMatchAt(comment, 20, matcher)?.end ?? 0;
    },
  },
  {
    label: 'in a 1 MB line',
    run: () => {
      for (let i = 0; i < HOVERS; i++) sink += glossaryMatchAt(huge, at, matcher)?.end ?? 0;
    },
  },
  { goal: 'about ×1: the cost does not grow with the line', warmup: 3, runs: 15 },
);

if (sink < 0) console.log(sink);
