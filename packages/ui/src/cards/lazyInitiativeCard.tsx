/**
 * The initiative card as the roadmap shows it: loaded the first time it is needed, not with the roadmap (see
 * ../app/lazyPart.ts). The roadmap starts loading it once the pointer or the keyboard's focus comes to the timeline, so
 * that a bar opened next shows its card at once.
 */
import { lazyPart } from '../app/lazyPart.js';

/** The card, on first use (`Component`), and a way to start loading it (`preload`). */
export const lazyInitiativeCard = lazyPart(
  () => import('./InitiativeCard.js'),
  (m) => m.InitiativeCard,
);
