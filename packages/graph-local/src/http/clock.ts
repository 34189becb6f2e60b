/** The server's notion of now, injectable so tests of expiry never sleep. */
export interface ServerClock {
  now(): Date;
}

/** The wall clock. */
export const systemClock: ServerClock = { now: () => new Date() };
