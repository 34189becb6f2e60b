/**
 * The initiative card as the roadmap shows it: loaded the first time it is needed, not with the roadmap. The card (and
 * the Fluent card it is built on) is not part of the roadmap's first screen, which the page must download, compile and
 * run before it can draw its bars.
 */
import { lazy } from 'react';
import { loadWithRetry } from '../feedback/LoadBoundary.js';

const loadCard = () => loadWithRetry(() => import('./InitiativeCard.js'));

/**
 * Starts loading the card, once the pointer or the keyboard's focus comes to the roadmap, so that a bar opened next
 * shows its card at once. Loading it again is free; a failed load is retried when the card is asked for.
 */
export function preloadInitiativeCard(): void {
  loadCard().catch(() => undefined);
}

/** {@link InitiativeCard}, loaded on first use (render it inside a `Suspense`). */
export const LazyInitiativeCard = lazy(() => loadCard().then((m) => ({ default: m.InitiativeCard })));
