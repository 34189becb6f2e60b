/**
 * The stylesheet of every component, on pages whose HTML links only their first screen's styles (the tab and the meeting
 * panel; see webpack.firstScreenStyles.js). Such a page names it in a prefetch link, `data-whole-stylesheet`, which
 * fetches it while the network is idle; it is linked the first time it is needed: for a part of the page loaded on first
 * use, or once the first screen is drawn.
 */

let linking: Promise<void> | undefined;

/**
 * Links the stylesheet of every component, once; resolves when its rules apply, at once on a page that links it itself.
 * A stylesheet that cannot be downloaded rejects, and is asked for again at the next call.
 */
export function wholeStylesheet(): Promise<void> {
  linking ??= link().catch((error: unknown) => {
    linking = undefined;
    throw error;
  });
  return linking;
}

function link(): Promise<void> {
  const named = document.querySelector<HTMLLinkElement>('link[rel="prefetch"][data-whole-stylesheet]');
  if (!named) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = named.href;
    sheet.onload = () => resolve();
    sheet.onerror = () => {
      sheet.remove();
      reject(new Error(`The page's styles could not be downloaded (${named.href}).`));
    };
    // Beside the first screen's stylesheet, before any style the page inserts as it runs: the order the page would
    // have with the whole stylesheet linked in its HTML. The whole one repeats the first screen's rules in its own
    // order, and comes later, so its order is the one that counts.
    named.after(sheet);
  });
}
