/**
 * Runs `task` once the browser has painted what is on screen now, for work the first screen does not need. A task
 * queued from an animation frame runs after that frame's paint; one queued straight away may run before it. A hidden
 * page gets no animation frames, so the task runs after `fallbackMs` at the latest (at once where there are no frames,
 * as in Node). Returns a function that cancels the task.
 */
export function afterPaint(task: () => void, fallbackMs = 100): () => void {
  const frames = typeof requestAnimationFrame === 'function';
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    settled = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
  const run = () => {
    if (settled) return;
    cancel();
    task();
  };
  const frame = frames ? requestAnimationFrame(() => (timer = setTimeout(run, 0))) : undefined;
  const fallback = setTimeout(run, frames ? fallbackMs : 0);
  return cancel;
}
