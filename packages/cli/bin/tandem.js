#!/usr/bin/env node
// The `tandem` command: runs the compiled CLI (built by `tsc -b`, which `npm ci` runs through the root prepare script).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
