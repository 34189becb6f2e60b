import type { Command } from '../command.js';
import { graphLocalCommand } from './graphLocal.js';

/** Every `tandem` subcommand, one line each, in the order `tandem --help` lists them. */
export const commands: Command[] = [graphLocalCommand];
