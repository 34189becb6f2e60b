/**
 * A part of the page loaded the first time it is needed (a view, the initiative card, the navigation drawer), from a
 * chunk of its own: the first screen's scripts, which the page must download, compile and run before it draws, leave
 * it out. Render the part inside a `Suspense` and a `LoadBoundary` (../feedback/LoadBoundary.tsx), which says so when
 * its chunk cannot be downloaded.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A part loaded on first use: the component, and a way to start loading it ahead of that. */
export interface LazyPart<P> {
  Component: LazyExoticComponent<ComponentType<P>>;
  /** Starts loading the part (when the user is about to need it); loading again is free, a failure is left to the part. */
  preload(): void;
}

/** The part `pick` takes from the module `load` imports (`() => import('./X.js')`), loaded on first use. */
export function lazyPart<M, P>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>): LazyPart<P> {
  const loadPart = () => loadWithRetry(load);
  return {
    Component: lazy(() => loadPart().then((module) => ({ default: pick(module) }))),
    preload: () => void loadPart().catch(() => undefined),
  };
}

/** How many times {@link loadWithRetry} tries, and how long it waits before the second try (doubled each time). */
const loadAttempts = 3;
const firstRetryMs = 300;

/**
 * Loads a chunk, trying again twice after a failure: a dropped connection often comes back within a second, and the
 * bundler asks for a failed chunk again on the next try.
 */
async function loadWithRetry<T>(load: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= loadAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, firstRetryMs * 2 ** (attempt - 1)));
    }
  }
}
