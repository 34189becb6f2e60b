/**
 * The parts of teams-js the pages use, in one module so that its lazily loaded chunk holds only these (a dynamic import
 * of the whole package would keep all of it).
 */
export { app, authentication } from '@microsoft/teams-js';
