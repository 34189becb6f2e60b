/** The time, injected so that alignment and tests never read the wall clock themselves. */
export interface Clock {
  now(): Date;
}
