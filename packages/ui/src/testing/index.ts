// `@tandem/ui/testing`: what the hosts' tests reuse to mount Tandem's views without a server.
export { MemoryStore } from './MemoryStore.js';
export type { MemoryStoreOptions } from './MemoryStore.js';
export { aPerson, anObjective, anInitiative, aDecision, aLink } from './builders.js';
export { hostilePayloads, injectedInPage, pageTraps } from './hostileCorpus.js';
